package se.tryggsamverkan.reminder;

/** How a recorded mail leaves the product. */
public interface MailTransport {

  /** Sends the mail or throws; a throw is retried later. */
  void send(Outbox.Mail mail);

  /** What a sent mail's record says about where it went. */
  String describe();

  /**
   * Whether sending reaches outside the database (a mail server). Then each mail's fate is committed right after
   * it is sent; otherwise a whole batch is marked at once, since sending it changes nothing elsewhere.
   */
  default boolean leavesTheDatabase() {
    return true;
  }
}
