package se.tryggsamverkan.reminder.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import se.tryggsamverkan.reminder.MailTransport;
import se.tryggsamverkan.reminder.MeetingInvitation;
import se.tryggsamverkan.reminder.Outbox;

/** Sends through the configured SMTP server (Spring Mail), as plain text with an HTML alternative. */
class SmtpMailTransport implements MailTransport {

  private final JavaMailSender sender;
  private final String from;

  SmtpMailTransport(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(Outbox.Mail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.email());
      helper.setSubject(mail.subject());
      helper.setText(mail.bodyText(), mail.bodyHtml());
      if (mail.attachmentIcs() != null) {
        helper.addAttachment("kallelse.ics", new ByteArrayResource(mail.attachmentIcs()
            .getBytes(StandardCharsets.UTF_8)), "text/calendar; charset=UTF-8; method="
            + MeetingInvitation.methodOf(mail.attachmentIcs()));
      }
      sender.send(message);
    } catch (MessagingException e) {
      throw new MailSendException("Could not build mail " + mail.id() + ": " + e.getMessage(), e);
    } catch (MailException e) {
      throw e;
    }
  }

  @Override
  public String describe() {
    return "SMTP";
  }
}
