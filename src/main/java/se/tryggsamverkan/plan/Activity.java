package se.tryggsamverkan.plan;

import java.time.LocalDate;

/** One activity of the action plan, with the fields of Kävlinge's annex. */
public record Activity(
    String focusArea,
    String description,
    String expectedEffect,
    Responsible responsibleParty,
    String responsiblePerson,
    LocalDate start,
    LocalDate end,
    String indicators,
    FollowUpInterval followUpInterval) {
}
