package se.tryggsamverkan.followup;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An activity's status on a day, from its dates and what its owner last reported. An owner reports; the calendar
 * overrides: before its start an activity that nobody has reported on is "Ej påbörjad", and past its end an
 * activity that is not reported finished is "Försenad", whatever was reported before. A stop overrides both: from
 * the day an approved change stopped it, an activity not reported finished is "Stoppad", never "Försenad".
 */
public final class ActivityStatusRules {

  private ActivityStatusRules() {
  }

  /** The status of an activity that was never stopped. */
  public static ActivityStatus statusOn(LocalDate day, LocalDate start, LocalDate end,
      Optional<ActivityStatus> lastReported) {
    return statusOn(day, start, end, lastReported, Optional.empty());
  }

  /** The status on {@code day}; {@code stoppedOn} is the day an approved change stopped the activity, if it did. */
  public static ActivityStatus statusOn(LocalDate day, LocalDate start, LocalDate end,
      Optional<ActivityStatus> lastReported, Optional<LocalDate> stoppedOn) {
    if (lastReported.isPresent() && lastReported.get().isFinished()) {
      return lastReported.get();
    }
    if (stoppedOn.isPresent() && !day.isBefore(stoppedOn.get())) {
      return ActivityStatus.STOPPED;
    }
    if (day.isAfter(end)) {
      return ActivityStatus.DELAYED;
    }
    if (day.isBefore(start)) {
      return lastReported.filter(s -> s != ActivityStatus.DELAYED).orElse(ActivityStatus.NOT_STARTED);
    }
    return lastReported.filter(s -> s != ActivityStatus.NOT_STARTED && s != ActivityStatus.DELAYED)
        .orElse(ActivityStatus.ONGOING);
  }

  /** True on the first day an activity turns "Försenad" by itself: its owner and the coordinators are told. */
  public static boolean becameDelayedOn(LocalDate day, LocalDate end, Optional<ActivityStatus> lastReported) {
    return day.equals(end.plusDays(1)) && lastReported.map(s -> !s.isFinished()).orElse(true);
  }
}
