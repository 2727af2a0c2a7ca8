package se.tryggsamverkan.agreement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who chairs the steering group (and the local council, which follows it) on a given date.
 * The chair alternates every calendar half-year (1 January–30 June, 1 July–31 December); the party
 * named by the agreement chairs the half-year in which the agreement's period starts.
 */
public record ChairRotation(LocalDate periodStart, Party firstChair) {

  public ChairRotation {
    Objects.requireNonNull(periodStart, "periodStart");
    Objects.requireNonNull(firstChair, "firstChair");
  }

  public Party chairOn(LocalDate date) {
    long halvesSinceStart = halfYearIndex(date) - halfYearIndex(periodStart);
    return Math.floorMod(halvesSinceStart, 2) == 0 ? firstChair : firstChair.other();
  }

  private static long halfYearIndex(LocalDate date) {
    return date.getYear() * 2L + (date.getMonthValue() <= 6 ? 0 : 1);
  }
}
