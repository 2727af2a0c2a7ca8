package se.tryggsamverkan.publication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.PostgresProcessTest;

/**
 * Not a test: times the public promise page and the national listing (issue 16) with many municipalities in an
 * embedded PostgreSQL, each with a signed and published year of 6 promises and a year of their follow-up (a promise
 * kept every week). Run: {@code mvn test -Dtest=PublicPageBenchmark -Dbenchmark.municipalities=290
 * -Dbenchmark.requests=300}. Prints the median and p95 of each over HTTP on the same machine, after a warm-up.
 */
@PostgresProcessTest
class PublicPageBenchmark {

  private static final int PROMISES = 6;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void publicPageAndNationalListing() throws Exception {
    int municipalities = Integer.getInteger("benchmark.municipalities", 290);
    int requests = Integer.getInteger("benchmark.requests", 300);
    Clock.setTo("2027-09-15T10:00");
    long seedStart = System.nanoTime();
    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < municipalities; i++) {
      tenants.add(seed(i));
    }
    System.out.printf("%nSeeded %d municipalities in %d ms%n", municipalities,
        (System.nanoTime() - seedStart) / 1_000_000);
    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"/offentlig/%s", "/offentlig/%s/loften.json", "/offentlig/%s/loften.csv"}) {
      List<Long> times = time(http, requests, i -> String.format(path, tenants.get(i % tenants.size())));
      System.out.printf("%-28s n=%d  median %6.1f ms  p95 %6.1f ms%n", path, requests, ms(times, 0.5),
          ms(times, 0.95));
    }
    // the signed promise document: no kept XHTML in the seed, so each is made from the plan and printed (the slowest
    // path; a document kept at the signing skips the first step)
    int documents = Math.max(10, requests / 5);
    for (String path : new String[] {"/offentlig/%s/2027/medborgarloften.html", "/offentlig/%s/2027/medborgarloften.pdf"}) {
      List<Long> times = time(http, documents, i -> String.format(path, tenants.get(i % tenants.size())));
      System.out.printf("%-40s n=%d  median %6.1f ms  p95 %6.1f ms%n", path, documents, ms(times, 0.5),
          ms(times, 0.95));
    }
    int listings = Math.max(10, requests / 20);
    for (String path : new String[] {"/offentlig/loften.json", "/offentlig/loften.csv"}) {
      List<Long> times = time(http, listings, i -> path);
      System.out.printf("%-28s n=%d  median %6.1f ms  p95 %6.1f ms  (%d municipalities)%n", path, listings,
          ms(times, 0.5), ms(times, 0.95), municipalities);
    }
  }

  private List<Long> time(HttpClient http, int n, java.util.function.IntFunction<String> path) throws Exception {
    for (int i = 0; i < Math.min(n, 30); i++) {
      get(http, path.apply(i));
    }
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      get(http, path.apply(i));
      times.add(System.nanoTime() - start);
    }
    Collections.sort(times);
    return times;
  }

  private void get(HttpClient http, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
  }

  /** One municipality with its agreement 2026–2029, its signed and published promises of 2027 and their follow-up. */
  private String seed(int i) {
    String tenant = "bench" + i;
    String agreement = UUID.randomUUID().toString();
    jdbc.sql("insert into agreement (id, tenant_id, municipality, police_area, period_start, period_end, "
            + "police_coordinator, municipal_coordinator, police_steering_member, municipal_steering_member, "
            + "first_chair, registered_at) values (:id, :t, :m, :p, :s, :e, 'x', 'x', 'x', 'x', 'MUNICIPALITY', :at)")
        .param("id", agreement).param("t", tenant).param("m", "Kommun " + i).param("p", "Lokalpolisområde " + i)
        .param("s", Date.valueOf("2026-01-01")).param("e", Date.valueOf("2029-12-31"))
        .param("at", Timestamp.valueOf("2026-01-02 09:00:00")).update();
    for (int f = 0; f < 3; f++) {
      jdbc.sql("insert into focus_area (agreement_id, cycle_year, name, sort_order) values (:a, 2027, :n, :o)")
          .param("a", agreement).param("n", "Fokusområde " + f).param("o", f).update();
    }
    jdbc.sql("insert into plan_version (agreement_id, cycle_year, version, submitted_at, task_id) "
            + "values (:a, 2027, 1, :at, :task)")
        .param("a", agreement).param("at", Timestamp.valueOf("2026-09-30 10:00:00"))
        .param("task", "bench-" + agreement).update();
    for (int p = 0; p < PROMISES; p++) {
      String text = "Polisen och kommunen genomför trygghetsinsats " + p + " där invånarna har sagt att de är otrygga";
      jdbc.sql("insert into citizen_promise (agreement_id, cycle_year, plan_version, position, text, party, "
              + "target_count, target_period, target_text) values (:a, 2027, 1, :pos, :text, 'BOTH', 1, 'WEEK', "
              + "'minst 1 per vecka')")
          .param("a", agreement).param("pos", p).param("text", text).update();
      for (LocalDate day = LocalDate.of(2027, 1, 4); day.isBefore(LocalDate.of(2027, 9, 15)); day = day.plusWeeks(1)) {
        jdbc.sql("insert into promise_occurrence (agreement_id, cycle_year, promise_text, occurred_on, recorded_at) "
                + "values (:a, 2027, :text, :day, :at)")
            .param("a", agreement).param("text", text).param("day", Date.valueOf(day))
            .param("at", Timestamp.valueOf(day.atStartOfDay())).update();
      }
    }
    jdbc.sql("insert into promise_publication (agreement_id, cycle_year, signed_on, published, recorded_by, "
            + "recorded_at) values (:a, 2027, :on, true, 'bench', :at)")
        .param("a", agreement).param("on", Date.valueOf("2026-12-20"))
        .param("at", Timestamp.valueOf("2026-12-20 10:00:00")).update();
    return tenant;
  }
}
