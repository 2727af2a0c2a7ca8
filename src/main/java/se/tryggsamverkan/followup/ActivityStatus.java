package se.tryggsamverkan.followup;

/** The six statuses of an activity in the yearly follow-up report (Kungälv's symbols). */
public enum ActivityStatus {
  NOT_STARTED("Ej påbörjad", "–"),
  ONGOING("Pågående", "●"),
  ONGOING_WITH_DEVIATION("Pågående med avvikelse", "◐"),
  COMPLETED("Avslutad", "✔"),
  COMPLETED_WITH_DEVIATION("Avslutad med avvikelse", "✘"),
  DELAYED("Försenad", "!");

  private final String swedishName;
  private final String symbol;

  ActivityStatus(String swedishName, String symbol) {
    this.swedishName = swedishName;
    this.symbol = symbol;
  }

  public String swedishName() {
    return swedishName;
  }

  public String symbol() {
    return symbol;
  }

  public boolean isFinished() {
    return this == COMPLETED || this == COMPLETED_WITH_DEVIATION;
  }
}
