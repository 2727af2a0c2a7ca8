package se.tryggsamverkan.agreement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** When and where the local crime-prevention council meets: the same day of every month. */
public record CouncilSchedule(int dayOfMonth, LocalTime time, String place) {

  public CouncilSchedule {
    if (dayOfMonth < 1 || dayOfMonth > 28) {
      throw new IllegalArgumentException("Rådets mötesdag ska vara 1–28 i månaden");
    }
  }

  /** The first meeting on or after the day, inside the agreement's period. */
  public Optional<LocalDate> nextMeeting(LocalDate from, LocalDate periodStart, LocalDate periodEnd) {
    LocalDate candidate = from.withDayOfMonth(dayOfMonth);
    if (candidate.isBefore(from)) {
      candidate = candidate.plusMonths(1);
    }
    if (candidate.isBefore(periodStart)) {
      candidate = periodStart.withDayOfMonth(dayOfMonth);
      if (candidate.isBefore(periodStart)) {
        candidate = candidate.plusMonths(1);
      }
    }
    return candidate.isAfter(periodEnd) ? Optional.empty() : Optional.of(candidate);
  }
}
