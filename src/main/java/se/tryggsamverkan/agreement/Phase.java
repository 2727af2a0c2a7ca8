package se.tryggsamverkan.agreement;

/**
 * The dated steps of the yearly cycle, with the default deadline of each (see DOMAIN.md).
 * A deadline is a day of the year, counted from the cycle's year; {@code +1:06-30} means
 * 30 June of the following year (implementation and follow-up run in the year after the decision).
 */
public enum Phase {
  CYCLE_START("Årets arbete börjar", "01-01"),
  SITUATION_PICTURE("Partens egen lägesbild", "03-15"),
  MERGE_AND_PRIORITISE("Gemensam lägesbild och prioritering", "03-31"),
  CAUSE_ANALYSIS("Orsaksanalys", "05-31"),
  ACTION_PLAN("Åtgärdsplan och förslag till medborgarlöften", "09-30"),
  PREPARATION("Beredning inför styrgruppen", "11-30"),
  STEERING_DECISION("Styrgruppens beslut", "12-15"),
  SIGN_AND_PUBLISH("Undertecknande och kommunikation", "12-31"),
  ACTIVITY_STATUS("Rapportering av aktiviteter", "+1:06-15"),
  HALF_YEAR_FOLLOW_UP("Styrgruppens halvårsuppföljning", "+1:06-30"),
  YEARLY_REPORT("Årlig uppföljningsrapport till kommunstyrelsen", "+2:02-28"),
  /** Counted from the last year of the agreement's period, not from a cycle's year. */
  AGREEMENT_EVALUATION("Utvärdering och förnyelse av överenskommelsen", "+2:04-30");

  private final String swedishName;
  private final Deadline defaultDeadline;

  Phase(String swedishName, String defaultDeadline) {
    this.swedishName = swedishName;
    this.defaultDeadline = Deadline.parse(defaultDeadline);
  }

  public String swedishName() {
    return swedishName;
  }

  public Deadline defaultDeadline() {
    return defaultDeadline;
  }
}
