package se.tryggsamverkan.operations;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Mail in the health report: the outbox (pending, failed, how old the oldest unsent mail is) and, with the SMTP
 * transport, whether the mail server answers. A mail server that is down makes the product DEGRADED, not DOWN:
 * mails wait in the outbox and go out when it is back, so no node should be restarted or taken out for it.
 */
@Component("mail")
class MailHealth extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "E-post kan inte skickas just nu; den väntar i utkorgen");
  private static final Duration SMTP_CHECK_EVERY = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSenderImpl> smtp;
  private final String transport;
  /** When the SMTP server was last tried, on the monotonic clock; null before the first try. */
  private volatile Long checkedAtNanos;
  private volatile String smtpProblem;

  /** The outbox records its mails on the application's clock; their age is measured on the same one. */
  private final java.time.Clock clock;

  MailHealth(JdbcClient jdbc, ObjectProvider<JavaMailSenderImpl> smtp,
      @Value("${trygg.mail.transport:outbox}") String transport, java.time.Clock clock) {
    super("Mail health check failed");
    this.jdbc = jdbc;
    this.clock = clock;
    this.smtp = smtp;
    this.transport = transport;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    int pending = count("PENDING");
    int failed = count("FAILED");
    Long oldestMinutes = jdbc.sql("select min(created_at) from mail_outbox where status in ('PENDING', 'FAILED')")
        .query(java.sql.Timestamp.class).optional()
        .map(t -> Duration.between(t.toInstant(), clock.instant()).toMinutes()).orElse(null);
    builder.withDetail("transport", transport).withDetail("pending", pending).withDetail("failed", failed);
    if (oldestMinutes != null) {
      builder.withDetail("oldestUnsentMinutes", oldestMinutes);
    }
    String problem = "smtp".equals(transport) ? smtpProblem() : null;
    if (problem != null) {
      builder.status(DEGRADED).withDetail("smtp", problem);
    } else {
      builder.up();
    }
  }

  private int count(String status) {
    return jdbc.sql("select count(*) from mail_outbox where status = :s").param("s", status)
        .query(Integer.class).single();
  }

  /** Connects to the mail server at most once a minute; null when it answered. */
  private String smtpProblem() {
    JavaMailSenderImpl sender = smtp.getIfAvailable();
    if (sender == null) {
      return "no SMTP sender is configured (spring.mail.host)";
    }
    if (checkedAtNanos == null || System.nanoTime() - checkedAtNanos > SMTP_CHECK_EVERY.toNanos()) {
      try {
        sender.testConnection();
        smtpProblem = null;
      } catch (Exception e) {
        smtpProblem = sender.getHost() + ":" + sender.getPort() + " does not answer: " + e.getMessage();
      }
      checkedAtNanos = System.nanoTime();
    }
    return smtpProblem;
  }
}
