package se.tryggsamverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.EmbeddedPostgres;
import se.tryggsamverkan.support.Http;

/**
 * Local accounts outside the demo: the engine's password policy is on, wrong passwords slow the next login down,
 * and there are no demo users and no admin/admin; an administrator exists only with a password that keeps the policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "trygg.demo.enabled=false", "trygg.admin.user=forvaltare", "trygg.admin.password=Vinter-Falkenberg-42",
    "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = EmbeddedPostgres.class)
class PasswordPolicyTest {

  private static final String ADMIN_PASSWORD = "Vinter-Falkenberg-42";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void thePolicyIsOnOutsideTheDemoUnlessSaidOtherwise() {
    assertThat(EngineConfiguration.passwordPolicy("", false)).isTrue();
    assertThat(EngineConfiguration.passwordPolicy(null, true)).isFalse();
    assertThat(EngineConfiguration.passwordPolicy("false", false)).isFalse();
    assertThat(EngineConfiguration.passwordPolicy("true", true)).isTrue();
    assertThat(identity.getPasswordPolicy()).as("on in this installation").isNotNull();
    assertThat(identity.createUserQuery().userId("kungsbacka.polis").count()).as("no demo users").isZero();
    assertThat(identity.checkPassword("admin", "admin")).as("no admin/admin").isFalse();
    assertThat(identity.checkPassword("forvaltare", ADMIN_PASSWORD)).isTrue();
  }

  @Test
  void aWeakPasswordIsRefusedThroughTheRestApiAndAStrongOneTaken() {
    Http http = new Http(port);
    HttpResponse<String> weak = http.post("/engine-rest/user/create", "forvaltare", ADMIN_PASSWORD,
        "{\"profile\":{\"id\":\"svag.anvandare\",\"firstName\":\"S\",\"lastName\":\"A\",\"email\":\"s@a.se\"},"
            + "\"credentials\":{\"password\":\"demo\"}}");
    assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
    assertThat(new Http(port).parse(weak.body()).path("message").asText())
        .startsWith("Lösenordet följer inte lösenordsreglerna: minst 10 tecken");
    assertThat(identity.createUserQuery().userId("svag.anvandare").count()).isZero();
    HttpResponse<String> strong = http.post("/engine-rest/user/create", "forvaltare", ADMIN_PASSWORD,
        "{\"profile\":{\"id\":\"stark.anvandare\",\"firstName\":\"Stina\",\"lastName\":\"Andersson\","
            + "\"email\":\"stina@kungsbacka.se\"},"
            + "\"credentials\":{\"password\":\"Sommar-Kungsbacka-7\"}}");
    assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
  }

  @Test
  void aWrongPasswordMakesTheNextLoginWaitEvenWithTheRightOne() {
    Clock.setTo("2026-03-02T09:00");
    assertThat(identity.checkPassword("forvaltare", "fel-losenord")).isFalse();
    assertThat(identity.checkPassword("forvaltare", ADMIN_PASSWORD)).as("within the delay").isFalse();
    Clock.setTo("2026-03-02T09:01");
    assertThat(identity.checkPassword("forvaltare", ADMIN_PASSWORD)).as("after the delay").isTrue();
  }

  @Test
  void anAdministratorPasswordThatBreaksThePolicyStopsTheStartWithAClearMessage() {
    IdentityBootstrap bootstrap = new IdentityBootstrap(identity, authorizations, filters, tasks, "svag.admin", "admin");
    assertThatThrownBy(() -> bootstrap.run(null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ADMIN_PASSWORD does not meet the password policy");
    assertThat(identity.createUserQuery().userId("svag.admin").count()).isZero();
  }
}
