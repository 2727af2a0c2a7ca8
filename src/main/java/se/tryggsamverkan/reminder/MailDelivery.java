package se.tryggsamverkan.reminder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends recorded mails, each in a transaction of its own, so that one mail's fate is kept whatever happens to the
 * next. A mail already sent is not sent again (a retried job), a mail whose task was completed or deleted
 * meanwhile is cancelled, and a failure is recorded with its reason; if any mail of a batch failed, the batch
 * throws so that the engine retries it (the retry sends only what is still unsent).
 */
@Service
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
  private static final String TASK_CLOSED = "Uppgiften är redan klar eller borttagen";
  private final Outbox outbox;
  private final MailTransport transport;
  private final TransactionTemplate perMail;

  MailDelivery(Outbox outbox, MailTransport transport, PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.transport = transport;
    this.perMail = new TransactionTemplate(transactions);
    this.perMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Delivers a batch. {@code openOf} tells which of the given task ids are still open tasks, asked once per batch.
   * Through a mail server each mail is sent and marked in its own transaction (ADR 4: at most the one mail in
   * flight can go twice). Into the outbox alone the batch is read (without its text or a lock), checked and marked
   * in one transaction, with one statement for the sent and one for the cancelled; each marks only what is still
   * unsent, so a mail in two sweeps' batches is marked once.
   */
  public void deliverAll(List<Long> mailIds, Function<Collection<String>, Set<String>> openOf) {
    if (!transport.leavesTheDatabase()) {
      perMail.executeWithoutResult(status -> deliverInOneGo(mailIds, openOf));
      return;
    }
    Set<String> open = openOf.apply(outbox.taskIdsOf(mailIds));
    List<String> failures = new ArrayList<>();
    for (long id : mailIds) {
      String failure = perMail.execute(status -> deliver(id, open::contains));
      if (failure != null) {
        failures.add(failure);
      }
    }
    if (!failures.isEmpty()) {
      throw new MailNotSentException(failures.size() + " of " + mailIds.size() + " mails could not be sent, "
          + "first: " + failures.get(0));
    }
  }

  private void deliverInOneGo(List<Long> mailIds, Function<Collection<String>, Set<String>> openOf) {
    List<Outbox.Unsent> unsent = outbox.unsent(mailIds);
    Set<String> open = openOf.apply(unsent.stream().filter(Outbox.Unsent::isAboutTask).map(Outbox.Unsent::taskId)
        .collect(Collectors.toSet()));
    List<Long> sent = new ArrayList<>();
    List<Long> closed = new ArrayList<>();
    for (Outbox.Unsent mail : unsent) {
      // the record is the delivery: nothing is handed to the transport, so the mails' text is not even read
      (mail.isAboutTask() && !open.contains(mail.taskId()) ? closed : sent).add(mail.id());
    }
    int marked = outbox.markAllSent(sent);
    int cancelled = outbox.markAllCancelled(closed, TASK_CLOSED);
    LOG.info("{} mails delivered to {}, {} cancelled (task closed), {} marked by another job first", marked,
        transport.describe(), cancelled, sent.size() + closed.size() - marked - cancelled);
  }

  /** Delivers one mail; returns why it failed, or null. */
  private String deliver(long mailId, Predicate<String> taskIsOpen) {
    Outbox.Mail mail = outbox.lock(mailId).orElseThrow(() -> new IllegalStateException("No mail " + mailId));
    if (mail.status() != Outbox.Status.PENDING && mail.status() != Outbox.Status.FAILED) {
      return null;
    }
    if (mail.isAboutTask() && !taskIsOpen.test(mail.taskId())) {
      outbox.markCancelled(mailId, TASK_CLOSED);
      return null;
    }
    try {
      transport.send(mail);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("Mail {} to {} ({}) failed, will be retried: {}", mailId, mail.recipient(), mail.kind(), why);
      outbox.markFailed(mailId, why);
      return "mail " + mailId + " to " + mail.email() + ": " + why;
    }
    outbox.markSent(mailId);
    LOG.info("Mail {} ({}) for task {} sent to {} via {}", mailId, mail.kind(), mail.taskId(), mail.recipient(),
        transport.describe());
    return null;
  }

  /** Thrown to have the engine retry a batch, and raise an incident when retries run out. */
  public static class MailNotSentException extends RuntimeException {
    MailNotSentException(String message) {
      super(message);
    }
  }
}
