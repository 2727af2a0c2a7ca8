package se.tryggsamverkan.agreement;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day of the year relative to a cycle's year: {@code 03-31} is 31 March of the cycle's year,
 * {@code -1:09-30} is 30 September of the year before, {@code +1:02-28} 28 February of the year after.
 * 29 February falls back to 28 February in other years.
 */
public record Deadline(int yearsAfter, MonthDay day) {

  private static final Pattern FORMAT = Pattern.compile("^(?:([+-]\\d):)?(\\d{2})-(\\d{2})$");

  public Deadline {
    if (yearsAfter < -1 || yearsAfter > 2) {
      throw new IllegalArgumentException("A deadline lies from 1 year before to 2 years after the cycle's year, not "
          + yearsAfter);
    }
  }

  public static Deadline parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Ogiltig tidsfrist '" + text + "': skriv MM-DD, till exempel 06-30, -1:03-31 för året före eller "
              + "+1:02-28 för året efter");
    }
    try {
      int years = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
      if (years < -1 || years > 2) {
        throw new IllegalArgumentException("Ogiltig tidsfrist '" + text + "': högst ett år före och två år efter");
      }
      return new Deadline(years, MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Ogiltig tidsfrist '" + text + "': datumet finns inte", e);
    }
  }

  public LocalDate inCycle(int cycleYear) {
    return day.atYear(cycleYear + yearsAfter);
  }

  @Override
  public String toString() {
    return (yearsAfter == 0 ? "" : (yearsAfter > 0 ? "+" : "") + yearsAfter + ":") + day.toString().substring(2);
  }
}
