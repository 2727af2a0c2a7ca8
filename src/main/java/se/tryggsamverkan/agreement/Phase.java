package se.tryggsamverkan.agreement;

/**
 * The dated steps of the yearly cycle, with the default deadline of each (see DOMAIN.md). A cycle is named by
 * the year its plan is carried out (verksamhetsåret): it is planned the year before, from the situation
 * picture in March to the steering group's decision in mid-December, carried out and followed up in its own
 * year, and reported to the executive board in February the year after. {@code -1:03-31} means 31 March of
 * the year before the cycle's year, {@code +1:02-28} 28 February of the year after.
 */
public enum Phase {
  CYCLE_START("Planeringen av året börjar", "-1:01-01"),
  SITUATION_PICTURE("Partens egen lägesbild", "-1:03-15"),
  MERGE_AND_PRIORITISE("Gemensam lägesbild och prioritering", "-1:03-31"),
  CAUSE_ANALYSIS("Orsaksanalys", "-1:05-31"),
  ACTION_PLAN("Åtgärdsplan och förslag till medborgarlöften", "-1:09-30"),
  PREPARATION("Beredning inför styrgruppen", "-1:11-30"),
  STEERING_DECISION("Styrgruppens beslut", "-1:12-15"),
  SIGN_AND_PUBLISH("Undertecknande och kommunikation", "-1:12-31"),
  FOLLOW_UP_MEETING_NOTICE("Kallelse till styrgruppens uppföljningsmöte", "05-15"),
  HALF_YEAR_FOLLOW_UP("Styrgruppens halvårsuppföljning", "06-30"),
  YEARLY_REPORT("Årlig uppföljningsrapport till kommunstyrelsen", "+1:02-28"),
  /** Counted from the last year of the agreement's period, not from a cycle's year. */
  AGREEMENT_EVALUATION("Utvärdering och förnyelse av överenskommelsen", "+1:04-30");

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
