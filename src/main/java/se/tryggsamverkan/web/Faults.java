package se.tryggsamverkan.web;

import java.util.UUID;

/**
 * What a caller is told about a fault of the server's own, on every door: a Swedish message and a reference that
 * the log has next to the error's own words. The words themselves (SQL, a table's name, a class) are never answered.
 */
public final class Faults {

  public static final String MESSAGE = "Något gick fel hos oss. Försök igen om en stund; kvarstår felet, kontakta "
      + "förvaltningen och uppge referensen ";

  private Faults() {
  }

  /** A new reference: eight hexadecimal characters, enough to find one error in a day's log. */
  public static String reference() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  public static String message(String reference) {
    return MESSAGE + reference;
  }
}
