package se.tryggsamverkan.followup;

/**
 * The statuses of an activity in the yearly follow-up report: Kungälv's six symbols, and "Stoppad" for an activity an
 * approved change to the plan stopped during the year (issue 15). An owner reports all but "Stoppad" and "Försenad"
 * is also set by the calendar; "Stoppad" only comes from a stop ({@link #isReportable()}).
 */
public enum ActivityStatus {
  NOT_STARTED("Ej påbörjad", "–"),
  ONGOING("Pågående", "●"),
  ONGOING_WITH_DEVIATION("Pågående med avvikelse", "◐"),
  COMPLETED("Avslutad", "✔"),
  COMPLETED_WITH_DEVIATION("Avslutad med avvikelse", "✘"),
  DELAYED("Försenad", "!"),
  STOPPED("Stoppad", "■");

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

  /** False for "Stoppad": only a decided stop sets it, never an owner's report. */
  public boolean isReportable() {
    return this != STOPPED;
  }
}
