package se.tryggsamverkan.demo;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the demo's years lie, and which of its work is left for its users, counted from the day the demo is
 * created. Every rule is relative to that day, so that the demo has the same shape on any day of the year:
 * <ul>
 *   <li>the agreement in force ends on 31 December this year and the renewed one starts the day after, each as
 *       long as the municipality's real agreements run (two years for Kungsbacka, four for Kävlinge): so every
 *       year of the one in force but this one is done;</li>
 *   <li>owners report each follow-up on its day, but leave those of the last {@value #FOLLOW_UPS_LEFT_OPEN_DAYS}
 *       days of a still running activity open (the oldest of them overdue); an activity that has ended is reported
 *       in full, so that nothing but the one late activity turns "Försenad";</li>
 *   <li>one activity is late: Kungsbacka's parents' lecture ended {@value #LATE_ACTIVITY_ENDED_DAYS_AGO} days ago
 *       without a report, so it is "Försenad" and its follow-up is overdue.</li>
 * </ul>
 */
public record DemoTimeline(LocalDate today) {

  /**
   * Longer than a month, so that a monthly activity always has a follow-up waiting, and past the two weeks owners
   * have to report, so that the oldest one waiting is overdue.
   */
  static final int FOLLOW_UPS_LEFT_OPEN_DAYS = 45;
  /** Past the two weeks to report, so that the late activity's follow-up is overdue as well. */
  static final int LATE_ACTIVITY_ENDED_DAYS_AGO = 20;

  public int currentYear() {
    return today.getYear();
  }

  /** The first year of the agreement in force today, of {@code years} years; it ends this year. */
  public int currentAgreementStart(int years) {
    return currentYear() - years + 1;
  }

  /** The renewed agreement's first year: next year, whose plan is made this year. */
  public int renewedAgreementStart() {
    return currentYear() + 1;
  }

  /** The last year of the renewed agreement, of {@code years} years. */
  public int renewedAgreementEnd(int years) {
    return currentYear() + years;
  }

  /** The cycle whose late activity is the demo's "Försenad" one: the year its end day fell in. */
  public int lateActivityYear() {
    return lateActivityEnd().getYear();
  }

  public LocalDate lateActivityEnd() {
    return today.minusDays(LATE_ACTIVITY_ENDED_DAYS_AGO);
  }

  /**
   * When the owner reports the follow-up due on {@code day} of an activity that ends on {@code activityEnd}, or empty
   * when the demo leaves it open for its users.
   */
  public Optional<LocalDate> reportedOn(LocalDate day, LocalDate activityEnd, boolean late) {
    if (late) {
      return Optional.empty();
    }
    if (activityEnd.isBefore(today)) {
      return Optional.of(day);
    }
    return day.isAfter(today.minusDays(FOLLOW_UPS_LEFT_OPEN_DAYS)) ? Optional.empty() : Optional.of(day);
  }
}
