package se.tryggsamverkan.followup;

import java.time.LocalDate;
import java.util.Optional;
import se.tryggsamverkan.plan.FollowUpInterval;

/**
 * When an activity's owner reports during the cycle's year: every interval counted from the activity's start, and a
 * last time on its end date, or on 31 December for an activity that runs into next year (next year's cycle carries
 * it forward, so the yearly report has every activity's status).
 */
public final class FollowUpSchedule {

  /** How long an owner has to report after the follow-up date. */
  public static final int DAYS_TO_REPORT = 14;

  private FollowUpSchedule() {
  }

  /** The first follow-up date strictly after {@code after}, or empty when the year has none left. */
  public static Optional<LocalDate> next(LocalDate start, LocalDate end, FollowUpInterval interval, int year,
      LocalDate after) {
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    LocalDate last = end.isBefore(yearEnd) ? end : yearEnd;
    if (!after.isBefore(last)) {
      return Optional.empty();
    }
    for (int k = 1; ; k++) {
      LocalDate date = start.plusMonths((long) k * interval.months());
      if (!date.isBefore(last)) {
        return Optional.of(last);
      }
      if (date.isAfter(after)) {
        return Optional.of(date);
      }
    }
  }
}
