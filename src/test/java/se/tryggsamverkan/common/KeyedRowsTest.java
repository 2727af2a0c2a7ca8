package se.tryggsamverkan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.publication.Publications;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.LockWaits;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.upgrade.UpgradeRefusal;
import se.tryggsamverkan.upgrade.UpgradeRefusals;

/**
 * A row that one key names, written by two transactions at the same moment: the second one's insert meets the first
 * one's key. Each test makes that happen for certain (the first transaction holds its new row until PostgreSQL shows
 * the second one waiting for it, or adds it between the second one's update and insert), instead of hoping two
 * threads collide.
 */
@PostgresProcessTest
class KeyedRowsTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired Publications publications;
  @Autowired KeyedRows rows;
  @Autowired UpgradeRefusals refusals;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void twoCoordinatorsWhoSwitchANewPublicPageAtTheSameMomentAreBothAnsweredAndTheLaterStands() throws Exception {
    TestMunicipality laholm = TestMunicipality.create(identity, "Laholm");
    String police = laholm.user(Role.POLICE_COORDINATOR);
    String municipal = laholm.user(Role.MUNICIPAL_COORDINATOR);
    assertThat(pageRows(laholm.tenantId())).as("a new municipality has no row for its page yet").isZero();

    // the police coordinator's request has added the row and not yet committed, when the municipal coordinator
    // turns the page off through the API: its insert waits for the first
    HttpResponse<String> answer = LockWaits.whileHeld(transactions, jdbc, "insert into public_page", () -> {
      publications.setPageEnabled(laholm.tenantId(), true, police);
      return null;
    }, () -> new Http(port).send("PUT", "/api/tenants/" + laholm.tenantId() + "/public-page", municipal, "test",
        "{\"enabled\":false}")).second();

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(pageRows(laholm.tenantId())).isEqualTo(1);
    assertThat(jdbc.sql("select enabled from public_page where tenant_id = :t").param("t", laholm.tenantId())
        .query(Boolean.class).single()).as("the later switch stands").isFalse();
    assertThat(jdbc.sql("select changed_by from public_page where tenant_id = :t").param("t", laholm.tenantId())
        .query(String.class).single()).isEqualTo(municipal);
  }

  @Test
  void aRowAddedBetweenTheUpdateAndTheInsertIsChangedAndTheTransactionGoesOn() {
    String tenant = "keyed-" + System.nanoTime();
    Timestamp mine = Timestamp.from(Instant.parse("2027-01-01T02:00:00Z"));
    AtomicInteger updates = new AtomicInteger();

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      rows.updateElseInsert(() -> {
        int changed = jdbc.sql("update statistics_refresh set attempted_at = :at, outcome = 'OK' where tenant_id = :t")
            .param("at", mine).param("t", tenant).update();
        if (updates.incrementAndGet() == 1) {
          // another node's refresh of the same municipality records its outcome and commits right now
          CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(other ->
              jdbc.sql("insert into statistics_refresh (tenant_id, attempted_at, outcome, message) "
                      + "values (:t, :at, 'FAILED', 'den andra noden')")
                  .param("t", tenant).param("at", Timestamp.from(Instant.parse("2027-01-01T01:00:00Z"))).update()))
              .join();
        }
        return changed;
      }, () -> jdbc.sql("insert into statistics_refresh (tenant_id, attempted_at, outcome, message) "
              + "values (:t, :at, 'OK', 'den här noden')").param("t", tenant).param("at", mine).update());
      // PostgreSQL refuses every further statement of a transaction whose statement failed outside a savepoint
      assertThat(jdbc.sql("select count(*) from statistics_refresh where tenant_id = :t").param("t", tenant)
          .query(Integer.class).single()).isEqualTo(1);
    });

    assertThat(updates).as("the update ran again on the row the other node added").hasValue(2);
    assertThat(jdbc.sql("select outcome from statistics_refresh where tenant_id = :t").param("t", tenant)
        .query(String.class).single()).isEqualTo("OK");
  }

  @Test
  void twoNodesThatStartTheReleaseAtOnceAndRefuseTheSameInstancesBothRecordTheRefusals() throws Exception {
    String key = "keyedProcess" + System.nanoTime();
    Instant at = Instant.parse("2027-01-01T02:00:00Z");
    UpgradeRefusal stays = new UpgradeRefusal(key + "-1", key, "Årscykel", 1, 2, "t1", "b1", 2027, "stannar", at);
    UpgradeRefusal moved = new UpgradeRefusal(key + "-2", key, "Årscykel", 1, 2, "t1", "b2", 2027, "flyttas", at);
    UpgradeRefusal added = new UpgradeRefusal(key + "-3", key, "Årscykel", 1, 2, "t1", "b3", 2027, "ny", at);
    refusals.replace(key, List.of(stays, moved));

    // one node has recorded this run's refusals and not yet committed, when the other node records the same: it
    // waits for the first
    LockWaits.whileHeld(transactions, jdbc, "", () -> {
      refusals.replace(key, List.of(stays, added));
      return null;
    }, () -> {
      refusals.replace(key, List.of(stays, added));
      return null;
    });

    assertThat(jdbc.sql("select process_instance_id from process_upgrade_refusal where process_key = :k "
        + "order by process_instance_id").param("k", key).query(String.class).list())
        .as("the instance moved since is no longer listed").containsExactly(key + "-1", key + "-3");
    refusals.replace(key, List.of());
    assertThat(jdbc.sql("select count(*) from process_upgrade_refusal where process_key = :k").param("k", key)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void aKeyThatIsStillMissingAfterTheInsertWasRefusedIsReportedNotHidden() {
    DuplicateKeyException refused = new DuplicateKeyException("refused");

    assertThatThrownBy(() -> rows.updateElseInsert(() -> 0, () -> {
      throw refused;
    })).isSameAs(refused);
  }

  private int pageRows(String tenantId) {
    return jdbc.sql("select count(*) from public_page where tenant_id = :t").param("t", tenantId)
        .query(Integer.class).single();
  }
}
