package se.tryggsamverkan.reminder;

/** Someone a mail goes to; the e-mail address may be missing, which is recorded, not sent. */
public record Recipient(String userId, String name, String email) {

  public boolean hasAddress() {
    return email != null && !email.isBlank();
  }
}
