package se.tryggsamverkan.reminder.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import se.tryggsamverkan.reminder.MailTransport;

/** {@code trygg.mail.transport}: {@code smtp} sends through Spring Mail, {@code outbox} keeps mails in the outbox. */
@Configuration
class MailConfiguration {

  @Bean
  @ConditionalOnProperty(name = "trygg.mail.transport", havingValue = "smtp", matchIfMissing = true)
  MailTransport smtpTransport(JavaMailSender sender, @Value("${trygg.mail.from}") String from) {
    return new SmtpMailTransport(sender, from);
  }

  @Bean
  @ConditionalOnProperty(name = "trygg.mail.transport", havingValue = "outbox")
  MailTransport outboxOnlyTransport() {
    return new OutboxOnlyTransport();
  }
}
