package se.tryggsamverkan.plan;

/**
 * An unsafe place, a hot spot or a cluster of crime scenes named in a situation picture, and where it is (WGS 84
 * degrees; both null when the coordinator gave no position).
 */
public record Place(String name, PlaceKind kind, String description, java.math.BigDecimal latitude,
    java.math.BigDecimal longitude) {

  public Place(String name, PlaceKind kind, String description) {
    this(name, kind, description, null, null);
  }

  public boolean positioned() {
    return latitude != null && longitude != null;
  }
}
