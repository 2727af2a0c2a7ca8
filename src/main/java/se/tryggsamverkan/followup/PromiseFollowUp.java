package se.tryggsamverkan.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.plan.CitizenPromise;
import se.tryggsamverkan.plan.PlanRepository;

/** Records when the year's promises were carried out, and how each is being kept. */
@Service
public class PromiseFollowUp {

  public record PromiseStatus(int index, CitizenPromise promise, List<LocalDate> occurrences,
      PromiseProgress.Result progress) {
  }

  private final JdbcClient jdbc;
  private final PlanRepository plans;

  PromiseFollowUp(JdbcClient jdbc, PlanRepository plans) {
    this.jdbc = jdbc;
    this.plans = plans;
  }

  /** Records one occurrence of the year's promise number {@code index} (1-based, as listed). */
  @Transactional
  public void record(Agreement agreement, int year, int index, Object date, Object note, String recordedBy,
      LocalDate today) {
    CitizenPromise promise = promise(agreement, year, index);
    FieldChecks checks = new FieldChecks();
    LocalDate day = checks.requiredDate("date", date, "Datum");
    String text = checks.optionalText("note", note, "Anteckning");
    if (text != null && text.length() > 2000) {
      checks.fail("note", "Anteckningen är för lång (högst 2000 tecken)");
    }
    if (day != null && day.getYear() != year) {
      checks.fail("date", "Datum " + day + " ligger inte i år " + year);
    } else if (day != null && day.isAfter(today)) {
      checks.fail("date", "Datum " + day + " har inte kommit än");
    }
    checks.throwIfAny();
    jdbc.sql("insert into promise_occurrence (agreement_id, cycle_year, promise_text, occurred_on, note, "
            + "recorded_by, recorded_at) values (:a, :y, :text, :day, :note, :by, :at)")
        .param("a", agreement.id()).param("y", year).param("text", promise.text()).param("day", day)
        .param("note", text).param("by", recordedBy).param("at", Timestamp.from(Instant.now())).update();
  }

  /** Every promise of the year's latest plan with its occurrences and, when it has a target, its progress. */
  @Transactional(readOnly = true)
  public List<PromiseStatus> statuses(Agreement agreement, int year, LocalDate today) {
    List<CitizenPromise> promises = plans.latestPlan(agreement.id(), year).map(p -> p.promises()).orElse(List.of());
    LocalDate from = LocalDate.of(year, 1, 1).isBefore(agreement.periodStart()) ? agreement.periodStart()
        : LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31).isAfter(agreement.periodEnd()) ? agreement.periodEnd()
        : LocalDate.of(year, 12, 31);
    return java.util.stream.IntStream.range(0, promises.size()).mapToObj(i -> {
      CitizenPromise promise = promises.get(i);
      List<LocalDate> done = jdbc.sql("select occurred_on from promise_occurrence where agreement_id = :a "
              + "and cycle_year = :y and promise_text = :text order by occurred_on")
          .param("a", agreement.id()).param("y", year).param("text", promise.text())
          .query((rs, n) -> rs.getDate(1).toLocalDate()).list();
      return new PromiseStatus(i + 1, promise, done,
          promise.target() == null ? null : PromiseProgress.of(promise.target(), from, to, done, today));
    }).toList();
  }

  private CitizenPromise promise(Agreement agreement, int year, int index) {
    List<CitizenPromise> promises = plans.latestPlan(agreement.id(), year).map(p -> p.promises()).orElse(List.of());
    if (index < 1 || index > promises.size()) {
      throw InvalidInputException.of("index", "Året " + year + " har inget löfte nummer " + index
          + (promises.isEmpty() ? " (ingen plan ännu)" : " (1–" + promises.size() + ")"));
    }
    return promises.get(index - 1);
  }
}
