package se.tryggsamverkan.agreement;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deadlines of one agreement's yearly cycle: the product defaults, overridden per installation and per
 * agreement. A task created after its calendar deadline has passed (an agreement registered late in the
 * year, a plan returned by the steering group) gets a grace period instead of being overdue at birth.
 */
public final class YearlyCalendar {

  private final Map<Phase, Deadline> deadlines;
  private final int lateStartGraceDays;

  private YearlyCalendar(Map<Phase, Deadline> deadlines, int lateStartGraceDays) {
    this.deadlines = deadlines;
    this.lateStartGraceDays = lateStartGraceDays;
  }

  public static YearlyCalendar defaults(int lateStartGraceDays) {
    Map<Phase, Deadline> map = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      map.put(phase, phase.defaultDeadline());
    }
    return new YearlyCalendar(map, lateStartGraceDays);
  }

  public YearlyCalendar with(Map<Phase, Deadline> overrides) {
    Map<Phase, Deadline> map = new EnumMap<>(deadlines);
    map.putAll(overrides);
    return new YearlyCalendar(map, lateStartGraceDays);
  }

  public Deadline deadline(Phase phase) {
    return deadlines.get(phase);
  }

  /** The calendar date of a phase in a cycle year, whatever today is. */
  public LocalDate plannedDate(Phase phase, int cycleYear) {
    return deadlines.get(phase).inCycle(cycleYear);
  }

  /** The due date of a task for this phase created today. */
  public LocalDate dueDate(Phase phase, int cycleYear, LocalDate today) {
    LocalDate planned = plannedDate(phase, cycleYear);
    return planned.isBefore(today) ? today.plusDays(lateStartGraceDays) : planned;
  }

  public int lateStartGraceDays() {
    return lateStartGraceDays;
  }
}
