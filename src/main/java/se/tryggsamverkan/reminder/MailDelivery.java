package se.tryggsamverkan.reminder;

import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one recorded mail. A mail already sent is not sent again (a retried job), a mail whose task was completed
 * or deleted meanwhile is cancelled, and a failure is recorded with its reason before it is thrown for a retry.
 */
@Service
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
  private final Outbox outbox;
  private final MailTransport transport;

  MailDelivery(Outbox outbox, MailTransport transport) {
    this.outbox = outbox;
    this.transport = transport;
  }

  @Transactional
  public void deliver(long mailId, Predicate<String> taskIsOpen) {
    Outbox.Mail mail = outbox.find(mailId).orElseThrow(() -> new IllegalStateException("No mail " + mailId));
    if (mail.status() != Outbox.Status.PENDING && mail.status() != Outbox.Status.FAILED) {
      return;
    }
    if (!taskIsOpen.test(mail.taskId())) {
      outbox.markCancelled(mailId, "Uppgiften är redan klar eller borttagen");
      return;
    }
    try {
      transport.send(mail);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("Mail {} to {} ({}) failed, will be retried: {}", mailId, mail.recipient(), mail.kind(), why);
      outbox.markFailed(mailId, why);
      throw new MailNotSentException("Mail " + mailId + " to " + mail.email() + " could not be sent: " + why, e);
    }
    outbox.markSent(mailId);
    LOG.info("Mail {} ({}) for task {} sent to {} via {}", mailId, mail.kind(), mail.taskId(), mail.recipient(),
        transport.describe());
  }

  /** Thrown to have the engine retry the delivery, and raise an incident when retries run out. */
  public static class MailNotSentException extends RuntimeException {
    MailNotSentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
