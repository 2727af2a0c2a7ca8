package se.tryggsamverkan.cycle;

/** A problem the parties chose to work on this year, after merging their situation pictures. */
public record PrioritisedProblem(String title, String description, String focusArea) {
}
