package se.tryggsamverkan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.common.FormLimits;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.plan.PlanChange.Decision;
import se.tryggsamverkan.plan.PlanChange.Kind;
import se.tryggsamverkan.plan.PlanChange.Row;
import se.tryggsamverkan.plan.PlanChange.Status;

/**
 * A change to the approved plan during the year, decided like the plan (issue 15): the coordinators propose it row
 * by row against the approved plan, with a reason; both parties' steering-group members approve it (consensus), or
 * either returns it with a comment. Approved, every row is applied to the running year at once, in the decision's
 * transaction; returned, nothing changes. Every proposal and decision is kept.
 */
@Service
public class PlanChangeDecisions {

  /** How long the reason for a change may be: as long as a process variable holds. */
  public static final int MAX_REASON = FormLimits.STRING_VARIABLE;
  /** A change is read and decided as a whole: at most this many rows. */
  public static final int MAX_ROWS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(PlanChangeDecisions.class);

  private final PlanChangeRepository changes;
  private final PlanRepository plans;
  private final AgreementRepository agreements;
  private final Directory directory;
  private final RunningYear runningYear;
  private final Clock clock;

  PlanChangeDecisions(PlanChangeRepository changes, PlanRepository plans, AgreementRepository agreements,
      Directory directory, RunningYear runningYear, Clock clock) {
    this.changes = changes;
    this.plans = plans;
    this.agreements = agreements;
    this.directory = directory;
    this.runningYear = runningYear;
    this.clock = clock;
  }

  /**
   * Records a proposal after checking every row against the year's approved plan; refused with a Swedish message
   * per field when a row does not fit, and while another change waits for the steering group.
   */
  @Transactional
  public PlanChange propose(String agreementId, int year, String reason, List<Row> rows, String proposedBy) {
    Agreement agreement = agreements.findById(agreementId)
        .orElseThrow(() -> InvalidInputException.of("agreementId", "Överenskommelsen finns inte"));
    FieldChecks checks = new FieldChecks();
    String why = checks.requiredText("reason", reason, "Skäl till ändringen", MAX_REASON);
    if (rows == null || rows.isEmpty()) {
      checks.fail("rows", "Ange minst en ändring");
    } else if (rows.size() > MAX_ROWS) {
      checks.fail("rows", "Högst " + MAX_ROWS + " ändringar i ett förslag, inte " + rows.size());
    }
    if (changes.ofYear(agreementId, year).stream().anyMatch(c -> c.status() == Status.PROPOSED)) {
      checks.fail("rows", "Ett förslag till ändring väntar redan på styrgruppens beslut");
    }
    checks.throwIfAny();
    List<Row> checked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      checked.add(checked(rows.get(i), "rows[" + i + "].", "Ändring " + (i + 1) + ": ", agreement, year, checks));
    }
    checks.throwIfAny();
    long id = changes.insert(agreementId, year, why, proposedBy, LocalDateTime.ofInstant(clock.instant(), clock.getZone()), checked);
    LOG.info("Plan change {} for {} {} proposed by {}: {} rows", id, agreement.tenantId(), year, proposedBy,
        checked.size());
    return changes.find(id).orElseThrow();
  }

  /**
   * One party's decision. The second approval applies the change to the running year; a return ends it with the
   * comment, whatever the other party says.
   */
  @Transactional
  public PlanChange decide(long changeId, Party party, boolean approves, String comment, String decidedBy) {
    PlanChange change = changes.lock(changeId)
        .orElseThrow(() -> InvalidInputException.of("planChange", "Ändringsförslaget finns inte"));
    if (change.status() != Status.PROPOSED) {
      throw InvalidInputException.of("decision", "Förslaget är redan beslutat (" + change.status().swedishName()
          + ") och kan inte beslutas igen");
    }
    if (change.decisions().stream().anyMatch(d -> d.party() == party)) {
      throw InvalidInputException.of("decision", party.swedishName() + " har redan tagit ställning till förslaget");
    }
    FieldChecks checks = new FieldChecks();
    String text = checks.optionalText("decisionComment", comment, "Kommentar", 10_000);
    if (!approves && (text == null || text.isBlank())) {
      checks.fail("decisionComment", "Skriv varför ändringen återremitteras");
    }
    checks.throwIfAny();
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), clock.getZone());
    changes.decision(changeId, new Decision(party, approves, text, decidedBy, now));
    if (!approves) {
      changes.decided(changeId, Status.RETURNED, now);
      LOG.info("Plan change {} returned by {} ({})", changeId, party, decidedBy);
    } else if (change.decisions().stream().anyMatch(d -> d.party() != party && d.approves())) {
      apply(change);
      changes.decided(changeId, Status.APPROVED, now);
      LOG.info("Plan change {} approved by both parties and applied to the running year", changeId);
    }
    return changes.find(changeId).orElseThrow();
  }

  public List<PlanChange> ofYear(String agreementId, int year) {
    return changes.ofYear(agreementId, year);
  }

  private void apply(PlanChange change) {
    for (int i = 0; i < change.rows().size(); i++) {
      Row row = change.rows().get(i);
      switch (row.kind()) {
        case ADD -> changes.addedAs(change.id(), i, runningYear.add(change.agreementId(), change.year(), row.added()));
        case STOP -> runningYear.stop(row.activityId(), change.reason());
        case MOVE -> runningYear.move(row.activityId(), row.newStart(), row.newEnd());
        case REASSIGN -> runningYear.reassign(row.activityId(), row.newPerson());
        default -> throw new IllegalStateException("Unknown change " + row.kind());
      }
    }
  }

  /** The row as it will be kept: an existing activity's description noted, every value checked. */
  private Row checked(Row row, String at, String label, Agreement agreement, int year, FieldChecks checks) {
    if (row.kind() == Kind.ADD) {
      Activity a = row.added();
      checks.requiredText(at + "description", a.description(), label + "Aktivitet",
          FormLimits.max("actionPlan", "activities.description"));
      checks.requiredText(at + "expectedEffect", a.expectedEffect(), label + "Förväntad effekt",
          FormLimits.max("actionPlan", "activities.expectedEffect"));
      checks.requiredText(at + "indicators", a.indicators(), label + "Uppföljningsindikatorer",
          FormLimits.max("actionPlan", "activities.indicators"));
      checks.requiredText(at + "focusArea", a.focusArea(), label + "Fokusområde",
          FormLimits.max("actionPlan", "activities.focusArea"));
      person(at, a.responsiblePerson(), label, agreement, checks);
      dates(at, a.start(), a.end(), label, agreement, checks);
      return row;
    }
    Optional<Activity> activity = row.activityId() == null ? Optional.empty()
        : plans.activityOfApprovedPlan(agreement.id(), year, row.activityId());
    if (activity.isEmpty()) {
      checks.fail(at + "activityId", label + "Aktiviteten finns inte i årets beslutade plan");
      return row;
    }
    if (row.kind() == Kind.MOVE) {
      dates(at, row.newStart(), row.newEnd(), label, agreement, checks);
    } else if (row.kind() == Kind.REASSIGN) {
      person(at, row.newPerson(), label, agreement, checks);
    }
    return new Row(row.kind(), row.activityId(), activity.get().description(), row.newStart(), row.newEnd(),
        row.newPerson(), null);
  }

  private void person(String at, String person, String label, Agreement agreement, FieldChecks checks) {
    String id = checks.requiredText(at + "responsiblePerson", person, label + "Ansvarig person",
        FormLimits.max("actionPlan", "activities.responsiblePerson"));
    if (id != null && !directory.isUserInTenant(id, agreement.tenantId())) {
      checks.fail(at + "responsiblePerson", label + "Ansvarig person '" + id
          + "' är ingen användare i kommunen (ange användar-id)");
    }
  }

  private static void dates(String at, LocalDate start, LocalDate end, String label, Agreement agreement,
      FieldChecks checks) {
    if (start == null) {
      checks.fail(at + "startDate", label + "Ange startdatum");
    }
    if (end == null) {
      checks.fail(at + "endDate", label + "Ange slutdatum");
    }
    if (start != null && end != null && end.isBefore(start)) {
      checks.fail(at + "endDate", label + "Slutdatum " + end + " får inte vara före startdatum " + start);
    }
    // the same rule as for the plan itself
    PlanInput.insidePeriod(checks, at + "startDate", start, agreement, label + "Startdatum");
    PlanInput.insidePeriod(checks, at + "endDate", end, agreement, label + "Slutdatum");
  }
}
