package se.tryggsamverkan.followup;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.common.FormRows;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.plan.CitizenPromise;
import se.tryggsamverkan.plan.PlanRepository;
import se.tryggsamverkan.common.FormLimits;

/** Records when the year's promises were carried out, and how each is being kept. */
@Service
public class PromiseFollowUp {

  public record PromiseStatus(int index, CitizenPromise promise, List<LocalDate> occurrences,
      PromiseProgress.Result progress) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PlanRepository plans;

  PromiseFollowUp(JdbcClient jdbc, PlanRepository plans, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.plans = plans;
  }

  /** Records one occurrence of the year's promise number {@code index} (1-based, as listed). */
  @Transactional
  public void record(Agreement agreement, int year, int index, Object date, Object note, String recordedBy,
      LocalDate today) {
    CitizenPromise promise = promise(agreement, year, index);
    FieldChecks checks = new FieldChecks();
    Occurrence occurrence = check(checks, "", "", promise, year, date, note, today);
    checks.throwIfAny();
    insert(agreement, year, occurrence, recordedBy);
  }

  /**
   * Records the rows of a follow-up form's list of occurrences ({"promise": number, "date", "note"}): all of them,
   * or none and a Swedish message per faulty row.
   */
  @Transactional
  public int recordRows(java.util.function.Supplier<Agreement> agreementOf, int year, String rowsJson,
      String recordedBy, LocalDate today) {
    FieldChecks checks = new FieldChecks();
    List<JsonNode> rows = FormRows.read(OCCURRENCES_FIELD, rowsJson, "Genomförda löften", checks);
    if (rows.isEmpty()) {
      checks.throwIfAny();
      return 0;
    }
    Agreement agreement = agreementOf.get();
    List<CitizenPromise> promises = promises(agreement, year);
    List<Occurrence> occurrences = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String field = OCCURRENCES_FIELD + "[" + i + "].";
      String label = "Genomfört löfte " + (i + 1) + ": ";
      String number = FormRows.text(rows.get(i), "promise");
      CitizenPromise promise = null;
      try {
        int index = number == null ? 0 : Integer.parseInt(number);
        promise = index >= 1 && index <= promises.size() ? promises.get(index - 1) : null;
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      if (promise == null) {
        checks.fail(field + "promise", label + (number == null ? "välj vilket löfte" : "löftet " + number
            + " finns inte i årets plan"));
      }
      Occurrence o = check(checks, field, label, promise, year, FormRows.text(rows.get(i), "date"),
          FormRows.text(rows.get(i), "note"), today);
      occurrences.add(o);
    }
    checks.throwIfAny();
    occurrences.forEach(o -> insert(agreement, year, o, recordedBy));
    return occurrences.size();
  }

  /** The list field of the follow-up form that holds occurrences. */
  public static final String OCCURRENCES_FIELD = "promiseOccurrences";

  private record Occurrence(CitizenPromise promise, LocalDate day, String note) {
  }

  private static Occurrence check(FieldChecks checks, String field, String label, CitizenPromise promise, int year,
      Object date, Object note, LocalDate today) {
    LocalDate day = checks.requiredDate(field + "date", date, label + "Datum");
    String text = checks.optionalText(field + "note", note, label + "Anteckning",
        FormLimits.max("activityFollowUp", "promiseOccurrences.note"));
    if (day != null && day.getYear() != year) {
      checks.fail(field + "date", label + "Datum " + day + " ligger inte i år " + year);
    } else if (day != null && day.isAfter(today)) {
      checks.fail(field + "date", label + "Datum " + day + " har inte kommit än");
    }
    return new Occurrence(promise, day, text);
  }

  private void insert(Agreement agreement, int year, Occurrence o, String recordedBy) {
    jdbc.sql("insert into promise_occurrence (agreement_id, cycle_year, promise_text, occurred_on, note, "
            + "recorded_by, recorded_at) values (:a, :y, :text, :day, :note, :by, :at)")
        .param("a", agreement.id()).param("y", year).param("text", o.promise().text()).param("day", o.day())
        .param("note", o.note()).param("by", recordedBy).param("at", Timestamp.from(clock.instant())).update();
  }

  /** Every promise of the year's latest plan with its occurrences and, when it has a target, its progress. */
  @Transactional(readOnly = true)
  public List<PromiseStatus> statuses(Agreement agreement, int year, LocalDate today) {
    List<CitizenPromise> promises = promises(agreement, year);
    LocalDate from = LocalDate.of(year, 1, 1).isBefore(agreement.periodStart()) ? agreement.periodStart()
        : LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31).isAfter(agreement.periodEnd()) ? agreement.periodEnd()
        : LocalDate.of(year, 12, 31);
    java.util.Map<String, LocalDate> added = plans.promisesAddedDuringTheYear(agreement.id(), year);
    return java.util.stream.IntStream.range(0, promises.size()).mapToObj(i -> {
      CitizenPromise promise = promises.get(i);
      // a promise added by a change during the year is counted from the day it was approved
      LocalDate start = added.containsKey(promise.text()) && added.get(promise.text()).isAfter(from)
          ? added.get(promise.text()) : from;
      List<LocalDate> done = jdbc.sql("select occurred_on from promise_occurrence where agreement_id = :a "
              + "and cycle_year = :y and promise_text = :text order by occurred_on")
          .param("a", agreement.id()).param("y", year).param("text", promise.text())
          .query((rs, n) -> rs.getDate(1).toLocalDate()).list();
      return new PromiseStatus(i + 1, promise, done,
          promise.target() == null ? null : PromiseProgress.of(promise.target(), start, to, done, today));
    }).toList();
  }

  private List<CitizenPromise> promises(Agreement agreement, int year) {
    return promises(agreement.id(), year);
  }

  /** The promises of the year's latest plan, in the plan's order: what the occurrences' numbers refer to. */
  @Transactional(readOnly = true)
  public List<CitizenPromise> promises(String agreementId, int year) {
    return plans.latestPromises(agreementId, year);
  }

  private CitizenPromise promise(Agreement agreement, int year, int index) {
    List<CitizenPromise> promises = promises(agreement, year);
    if (index < 1 || index > promises.size()) {
      throw InvalidInputException.of("index", "Året " + year + " har inget löfte nummer " + index
          + (promises.isEmpty() ? " (ingen plan ännu)" : " (1–" + promises.size() + ")"));
    }
    return promises.get(index - 1);
  }
}
