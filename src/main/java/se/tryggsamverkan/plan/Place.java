package se.tryggsamverkan.plan;

/** An unsafe place or a hot spot named in a situation picture. */
public record Place(String name, PlaceKind kind, String description) {
}
