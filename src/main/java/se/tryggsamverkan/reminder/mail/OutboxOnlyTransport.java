package se.tryggsamverkan.reminder.mail;

import se.tryggsamverkan.reminder.MailTransport;
import se.tryggsamverkan.reminder.Outbox;

/**
 * The embedded default's transport: nothing leaves the machine, every mail is complete in the outbox, where the
 * demo shows it (GET /api/tenants/{tenant}/mails).
 */
class OutboxOnlyTransport implements MailTransport {

  @Override
  public void send(Outbox.Mail mail) {
    // the outbox record is the delivery
  }

  @Override
  public boolean leavesTheDatabase() {
    return false;
  }

  @Override
  public String describe() {
    return "the outbox only (trygg.mail.transport=outbox)";
  }
}
