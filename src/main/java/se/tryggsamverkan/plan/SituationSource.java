package se.tryggsamverkan.plan;

/** Where a piece of the local situation picture comes from. */
public enum SituationSource {
  CRIME_STATISTICS("Brottsstatistik"),
  POLICE_PICTURE("Polisens lägesbild"),
  MUNICIPAL_PICTURE("Kommunens lägesbild"),
  SAFETY_SURVEY("Trygghetsmätning / trygghetsenkät"),
  CITIZEN_DIALOGUE("Medborgardialog"),
  SAFETY_WALK("Trygghetsvandring"),
  OFFICIAL_STATISTICS("Officiell statistik (Kolada)");

  private final String swedishName;

  SituationSource(String swedishName) {
    this.swedishName = swedishName;
  }

  public String swedishName() {
    return swedishName;
  }
}
