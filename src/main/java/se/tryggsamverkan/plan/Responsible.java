package se.tryggsamverkan.plan;

/** Who is responsible for an activity or gives a promise. */
public enum Responsible {
  POLICE("Polisen"),
  MUNICIPALITY("Kommunen"),
  BOTH("Kommunen och polisen");

  private final String swedishName;

  Responsible(String swedishName) {
    this.swedishName = swedishName;
  }

  public String swedishName() {
    return swedishName;
  }
}
