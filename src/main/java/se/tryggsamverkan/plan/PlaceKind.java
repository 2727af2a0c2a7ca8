package se.tryggsamverkan.plan;

public enum PlaceKind {
  UNSAFE_PLACE("Otrygg plats"),
  HOT_SPOT("Brottsutsatt plats (hot spot)"),
  CRIME_CLUSTER("Kluster av brottsplatser");

  private final String swedishName;

  PlaceKind(String swedishName) {
    this.swedishName = swedishName;
  }

  public String swedishName() {
    return swedishName;
  }
}
