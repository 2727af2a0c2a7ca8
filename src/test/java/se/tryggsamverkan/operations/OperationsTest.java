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
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;

/** What an operator's monitoring sees: health with its parts and probes, and metrics in Prometheus format. */
@PostgresProcessTest
class OperationsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void healthReportsTheDatabaseTheEngineAndMailAndTheProbesAnswer() {
    Http http = new Http(port);
    JsonNode health = http.json("/actuator/health", null, null);

    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("mail").path("details").path("transport").asText())
        .isEqualTo("outbox");
    assertThat(health.path("components").path("mail").path("details").has("pending")).isTrue();
    assertThat(http.json("/actuator/health/readiness", null, null).path("status").asText()).isEqualTo("UP");
    assertThat(http.json("/actuator/health/liveness", null, null).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void metricsAreInPrometheusFormatWithTheProductsOwnNumbers() {
    var metrics = new Http(port).get("/actuator/prometheus", null, null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("trygg_mail_outbox{application=\"trygg-samverkan\",status=\"PENDING\"}")
        .contains("trygg_tasks_open{").contains("trygg_tasks_overdue{").contains("jvm_memory_used_bytes{")
        .contains("hikaricp_connections_active{");
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
