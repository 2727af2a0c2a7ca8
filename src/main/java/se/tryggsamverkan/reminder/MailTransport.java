package se.tryggsamverkan.reminder;

/** How a recorded mail leaves the product. */
public interface MailTransport {

  /** Sends the mail or throws; a throw is retried later. */
  void send(Outbox.Mail mail);

  /** What a sent mail's record says about where it went. */
  String describe();
}
