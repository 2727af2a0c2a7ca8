package se.tryggsamverkan.agreement;

/** The two parties to a collaboration agreement ("parterna"). */
public enum Party {
  MUNICIPALITY("Kommunen"),
  POLICE("Polisen");

  private final String swedishName;

  Party(String swedishName) {
    this.swedishName = swedishName;
  }

  public String swedishName() {
    return swedishName;
  }

  public Party other() {
    return this == MUNICIPALITY ? POLICE : MUNICIPALITY;
  }
}
