package se.tryggsamverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.tryggsamverkan.engine.IdentityBootstrap;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.TestMunicipality;
import org.camunda.bpm.engine.IdentityService;
import se.tryggsamverkan.support.PostgresProcessTest;

/** What an operator's monitoring sees: health with its parts and probes, and metrics in Prometheus format. */
@PostgresProcessTest
class OperationsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;

  @Test
  void healthReportsTheDatabaseTheEngineAndMailToMonitoringAndTheProbesAnswerAnyone() {
    Http http = new Http(port);
    String monitor = monitoringUser();
    JsonNode health = http.json("/actuator/health", monitor, "övervaka");

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("mail").path("details").path("transport").asText())
        .isEqualTo("outbox");
    assertThat(health.path("components").path("mail").path("details").has("pending")).isTrue();
    assertThat(http.json("/actuator/health/readiness", null, null).path("status").asText()).isEqualTo("UP");
    assertThat(http.json("/actuator/health/liveness", null, null).path("status").asText()).isEqualTo("UP");
  }

  /** Safe by default: without a login, health is a status and nothing else, and metrics need a login. */
  @Test
  void anyoneElseSeesOnlyTheStatusAndNoMetrics() {
    Http http = new Http(port);
    JsonNode anonymous = http.json("/actuator/health", null, null);
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("no parts without a login: %s", anonymous).isFalse();

    assertThat(http.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", monitoringUser(), "fel").statusCode()).isEqualTo(401);
    TestMunicipality m = TestMunicipality.create(identity, "Kungsbacka");
    assertThat(http.get("/actuator/prometheus", m.user(Role.POLICE_COORDINATOR), "test").statusCode())
        .as("a coordinator is no monitor").isEqualTo(403);
    assertThat(http.json("/actuator/health", m.user(Role.POLICE_COORDINATOR), "test").has("components")).isFalse();
  }

  @Test
  void metricsAreInPrometheusFormatWithTheProductsOwnNumbers() {
    var metrics = new Http(port).get("/actuator/prometheus", monitoringUser(), "övervaka");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("trygg_mail_outbox{application=\"trygg-samverkan\",status=\"PENDING\"}")
        .contains("trygg_tasks_open{").contains("trygg_tasks_overdue{").contains("jvm_memory_used_bytes{")
        .contains("hikaricp_connections_active{");
  }

  /** A user in the group IdentityBootstrap creates for monitoring (Prometheus' scrape account). */
  private String monitoringUser() {
    String id = "prometheus-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    org.camunda.bpm.engine.identity.User user = identity.newUser(id);
    user.setPassword("övervaka");
    identity.saveUser(user);
    identity.createMembership(id, IdentityBootstrap.MONITORING_GROUP);
    return id;
  }

  @Test
  void aMailServerThatDoesNotAnswerMakesMailDegradedNotDown() {
    JavaMailSenderImpl closed = new JavaMailSenderImpl();
    closed.setHost("localhost");
    closed.setPort(1);
    closed.getJavaMailProperties().putAll(Map.of("mail.smtp.connectiontimeout", "2000", "mail.smtp.timeout", "2000"));
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", closed));
    MailHealth health = new MailHealth(jdbc, beans.getBeanProvider(JavaMailSenderImpl.class), "smtp",
        java.time.Clock.fixed(java.time.Instant.parse("2027-03-31T08:00:00Z"), java.time.ZoneOffset.UTC));

    Health result = health.health();

    assertThat(result.getStatus()).isEqualTo(MailHealth.DEGRADED);
    assertThat(result.getDetails().get("smtp").toString()).startsWith("localhost:1 does not answer");
  }
}
