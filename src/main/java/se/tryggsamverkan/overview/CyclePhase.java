package se.tryggsamverkan.overview;

/** Where a yearly cycle stands, as a manager names it; in the order a cycle passes them. */
public enum CyclePhase {
  WAITING("Väntar på att planeringen börjar"),
  SITUATION_PICTURE("Lägesbild"),
  PRIORITISATION("Gemensam lägesbild och prioritering"),
  CAUSE_ANALYSIS("Orsaksanalys"),
  ACTION_PLAN("Åtgärdsplan och medborgarlöften"),
  PREPARATION("Beredning inför styrgruppen"),
  STEERING_DECISION("Styrgruppens beslut"),
  SIGNING("Undertecknande och kommunikation"),
  IMPLEMENTATION("Genomförande och uppföljning"),
  YEARLY_REPORT("Årsrapport till kommunstyrelsen"),
  COMPLETED("Avslutad");

  private final String swedishName;

  CyclePhase(String swedishName) {
    this.swedishName = swedishName;
  }

  public String swedishName() {
    return swedishName;
  }
}
