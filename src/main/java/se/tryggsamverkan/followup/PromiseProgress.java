package se.tryggsamverkan.followup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import se.tryggsamverkan.plan.PromiseTarget;

/**
 * How a promise with a measurable target ("minst 1 per vecka", "minst 2 per år") is kept over its period, from the
 * dates it was carried out. The period is cut into calendar weeks (Monday–Sunday), months or years; a period the
 * promise only partly covers (it starts on a Wednesday, it ends in June) is expected to hold its share of the
 * target, rounded to the nearest whole number (a single day of a week expects nothing).
 */
public final class PromiseProgress {

  public enum Verdict {
    ON_TRACK("I fas", "●"), AT_RISK("I riskzonen", "▲"), KEPT("Hållet", "✔"), NOT_KEPT("Inte hållet", "✖");

    private final String swedishName;
    private final String symbol;

    Verdict(String swedishName, String symbol) {
      this.swedishName = swedishName;
      this.symbol = symbol;
    }

    /** Shown beside the name, never instead of it: the name carries the meaning, not the symbol or its colour. */
    public String symbol() {
      return symbol;
    }

    public String swedishName() {
      return swedishName;
    }
  }

  /** One calendar period of the promise: what was expected of it and what was done. */
  public record Period(LocalDate from, LocalDate to, int expected, int done) {

    public boolean met() {
      return done >= expected;
    }
  }

  public record Result(Verdict verdict, List<Period> periods, int expectedSoFar, int doneSoFar) {
  }

  private PromiseProgress() {
  }

  public static Result of(PromiseTarget target, LocalDate promiseStart, LocalDate promiseEnd, List<LocalDate> done,
      LocalDate today) {
    List<Period> periods = new ArrayList<>();
    LocalDate from = promiseStart;
    while (!from.isAfter(promiseEnd)) {
      LocalDate periodStart = startOfPeriod(from, target.period());
      LocalDate periodEnd = min(endOfPeriod(periodStart, target.period()), promiseEnd);
      long fullDays = ChronoUnit.DAYS.between(periodStart, endOfPeriod(periodStart, target.period())) + 1;
      long coveredDays = ChronoUnit.DAYS.between(from, periodEnd) + 1;
      int expected = (int) Math.round(target.count() * (double) coveredDays / fullDays);
      LocalDate f = from;
      int count = (int) done.stream().filter(d -> !d.isBefore(f) && !d.isAfter(periodEnd)).count();
      periods.add(new Period(from, periodEnd, expected, count));
      from = periodEnd.plusDays(1);
    }
    List<Period> finished = periods.stream().filter(p -> p.to().isBefore(today)).toList();
    int expectedSoFar = finished.stream().mapToInt(Period::expected).sum();
    int doneSoFar = finished.stream().mapToInt(p -> Math.min(p.done(), p.expected())).sum();
    boolean allFinished = finished.size() == periods.size();
    boolean missed = finished.stream().anyMatch(p -> !p.met());
    Verdict verdict;
    if (allFinished) {
      verdict = missed ? Verdict.NOT_KEPT : Verdict.KEPT;
    } else if (missed) {
      verdict = Verdict.AT_RISK;
    } else {
      Period current = periods.get(finished.size());
      verdict = behindInCurrent(current, today) ? Verdict.AT_RISK : Verdict.ON_TRACK;
    }
    return new Result(verdict, periods, expectedSoFar, doneSoFar);
  }

  /** More than half of the current period has gone and less than half of its target is done. */
  private static boolean behindInCurrent(Period current, LocalDate today) {
    if (today.isBefore(current.from())) {
      return false;
    }
    long length = ChronoUnit.DAYS.between(current.from(), current.to()) + 1;
    long gone = ChronoUnit.DAYS.between(current.from(), today) + 1;
    return gone * 2 > length && current.done() * 2 < current.expected();
  }

  private static LocalDate startOfPeriod(LocalDate day, PromiseTarget.Period period) {
    return switch (period) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  private static LocalDate endOfPeriod(LocalDate periodStart, PromiseTarget.Period period) {
    return switch (period) {
      case WEEK -> periodStart.plusDays(6);
      case MONTH -> periodStart.plusMonths(1).minusDays(1);
      case YEAR -> periodStart.plusYears(1).minusDays(1);
    };
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
