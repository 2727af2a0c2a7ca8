package se.tryggsamverkan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
import se.tryggsamverkan.plan.PlanChange.Deciders;
import se.tryggsamverkan.plan.PlanChange.Decision;
import se.tryggsamverkan.plan.PlanChange.Kind;
import se.tryggsamverkan.plan.PlanChange.Row;
import se.tryggsamverkan.plan.PlanChange.Status;

/**
 * A change to the approved plan during the year, decided like the plan (issue 15): the coordinators propose it row
 * by row against the approved plan, with a reason; both parties' steering-group members take their position on it
 * (or both coordinators, for a small change when the agreement lets them); approved by both, every row is applied
 * to the running year at once; returned by either, nothing changes. A proposal still waiting when the
 * implementation year ends lapses. Every proposal and decision is kept.
 */
@Service
public class PlanChangeDecisions {

  /** How long the reason for a change may be: as the proposal form declares it. */
  public static final int MAX_REASON = FormLimits.max("planChange", "planChangeReason");
  /** A change is read and decided as a whole: at most this many rows. */
  public static final int MAX_ROWS = 50;
  /** The deciders have this many days to take their position (never past the end of the year). */
  public static final int DAYS_TO_DECIDE = 14;
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

  /** The last day a change to the year's plan can be proposed or decided: the implementation year's last day. */
  public static LocalDate lastDayForChanges(int year) {
    return LocalDate.of(year, 12, 31);
  }

  /** When the deciders of a change proposed on {@code proposedOn} are expected to have taken their position. */
  public static LocalDate decisionDue(LocalDate proposedOn, int year) {
    LocalDate due = proposedOn.plusDays(DAYS_TO_DECIDE);
    return due.isAfter(lastDayForChanges(year)) ? lastDayForChanges(year) : due;
  }

  /**
   * Records a proposal after checking every row against the year's approved plan; refused with a Swedish message
   * per field when a row does not fit, and while another change waits for its decision. Who decides it follows
   * from the agreement and the rows ({@link PlanChange.Deciders}).
   */
  @Transactional
  public PlanChange propose(String agreementId, int year, String reason, List<Row> rows, String proposedBy) {
    Agreement agreement = agreements.findById(agreementId)
        .orElseThrow(() -> InvalidInputException.of("agreementId", "Överenskommelsen finns inte"));
    FieldChecks checks = new FieldChecks();
    String why = checks.requiredText("planChangeReason", reason, "Skäl till ändringen", MAX_REASON);
    if (rows == null || rows.isEmpty()) {
      checks.fail("rows", "Ange minst en ändring: en aktivitet att ändra eller stoppa, eller en ny aktivitet");
    } else if (rows.size() > MAX_ROWS) {
      checks.fail("rows", "Högst " + MAX_ROWS + " ändringar i ett förslag, inte " + rows.size());
    }
    if (!changes.waiting(agreementId, year).isEmpty()) {
      checks.fail("rows", "Ett förslag till ändring väntar redan på beslut");
    }
    if (LocalDate.now(clock).isAfter(lastDayForChanges(year))) {
      checks.fail("rows", "Året " + year + " är slut: planen kan inte längre ändras");
    }
    checks.throwIfAny();
    List<Row> checked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      FormPlace place = FormPlace.of(row.kind(), (int) rows.subList(0, i).stream()
          .filter(r -> FormPlace.of(r.kind(), 0).list().equals(FormPlace.of(row.kind(), 0).list())).count());
      checked.add(checked(row, place.path(), place.label(), agreement, year, checks));
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < checked.size(); i++) {
      Long activity = checked.get(i).activityId();
      if (activity != null && !seen.add(activity)) {
        checks.fail("rows[" + i + "].activityId", "Ändring " + (i + 1) + ": aktiviteten ändras redan i en rad ovan;"
            + " samla ändringarna av en aktivitet i en rad");
      }
    }
    checks.throwIfAny();
    Deciders deciders = agreement.smallChangesByCoordinators() && checked.stream().allMatch(r -> r.kind().small())
        ? Deciders.COORDINATORS : Deciders.STEERING_GROUP;
    long id = changes.insert(agreementId, year, why, proposedBy, now(), deciders, checked);
    LOG.info("Plan change {} for {} {} proposed by {}: {} rows, decided by {}", id, agreement.tenantId(), year,
        proposedBy, checked.size(), deciders);
    return changes.find(id).orElseThrow();
  }

  /**
   * One party's position, kept with who took it and when; the change is settled once both parties have taken
   * theirs ({@link #settle}). A return must say why.
   */
  @Transactional
  public PlanChange position(long changeId, Party party, boolean approves, String comment, String decidedBy) {
    PlanChange change = waitingChange(changeId);
    if (change.decisions().stream().anyMatch(d -> d.party() == party)) {
      throw InvalidInputException.of("decision", party.swedishName() + " har redan tagit ställning till förslaget");
    }
    FieldChecks checks = new FieldChecks();
    String text = checks.optionalText("decisionComment", comment, "Kommentar",
        FormLimits.max("planChangeDecision", "decisionComment"));
    if (!approves && (text == null || text.isBlank())) {
      checks.fail("decisionComment", "Skriv varför ändringen återremitteras");
    }
    checks.throwIfAny();
    changes.decision(changeId, new Decision(party, approves, text, decidedBy, now()));
    LOG.info("Plan change {}: {} {} ({})", changeId, party, approves ? "approves" : "returns", decidedBy);
    return changes.find(changeId).orElseThrow();
  }

  /**
   * The decision, once both parties have taken their position: approved by both, every row is applied to the
   * running year in this transaction; returned by either, nothing changes.
   */
  @Transactional
  public PlanChange settle(long changeId) {
    PlanChange change = waitingChange(changeId);
    if (change.decisions().size() < Party.values().length) {
      throw new IllegalStateException("Plan change " + changeId + " is settled before both parties decided");
    }
    LocalDateTime now = now();
    if (change.decisions().stream().allMatch(Decision::approves)) {
      apply(change);
      changes.decided(changeId, Status.APPROVED, now);
      LOG.info("Plan change {} approved by both parties and applied to the running year", changeId);
    } else {
      changes.decided(changeId, Status.RETURNED, now);
      LOG.info("Plan change {} returned", changeId);
    }
    return changes.find(changeId).orElseThrow();
  }

  /** A party's position, and the decision when it was the second. */
  @Transactional
  public PlanChange decide(long changeId, Party party, boolean approves, String comment, String decidedBy) {
    PlanChange change = position(changeId, party, approves, comment, decidedBy);
    return change.decisions().size() == Party.values().length ? settle(changeId) : change;
  }

  /** At the end of the implementation year: a change still waiting lapses, and changes nothing. */
  @Transactional
  public List<Long> lapse(String agreementId, int year) {
    List<Long> waiting = changes.waiting(agreementId, year);
    for (long id : waiting) {
      changes.decided(id, Status.LAPSED, now());
      LOG.info("Plan change {} for {} {} lapsed at the end of the year", id, agreementId, year);
    }
    return waiting;
  }

  private PlanChange waitingChange(long changeId) {
    PlanChange change = changes.lock(changeId)
        .orElseThrow(() -> InvalidInputException.of("planChange", "Ändringsförslaget finns inte"));
    if (change.status() != Status.PROPOSED) {
      throw InvalidInputException.of("decision", "Förslaget är redan beslutat (" + change.status().swedishName()
          + ") och kan inte beslutas igen");
    }
    return change;
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), clock.getZone());
  }

  public Optional<PlanChange> find(long changeId) {
    return changes.find(changeId);
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
        case REVISE -> runningYear.revise(row.activityId(), row.newIndicators(), row.newInterval());
        // promises are the plan's data, not the engine's: their progress is counted from the tables
        case ADD_PROMISE -> changes.promiseAddedAs(change.id(), i, plans.addPromiseToApprovedPlan(change.agreementId(),
            change.year(), row.promise(), LocalDate.now(clock)));
        case RETARGET_PROMISE -> plans.retargetPromise(row.promiseId(), row.promise().target());
        default -> throw new IllegalStateException("Unknown change " + row.kind());
      }
    }
  }

  /**
   * Where a row is typed in {@code planChange.form}, so that a refusal names it as the user sees it ("Ny aktivitet 2:
   * ...") and by its field's path ({@code newActivities[1].endDate}): each kind of row has its own list there, and
   * the rows come in the order of the lists.
   */
  private record FormPlace(String list, String name, int index) {

    static FormPlace of(Kind kind, int index) {
      return switch (kind) {
        case ADD -> new FormPlace("newActivities", "Ny aktivitet", index);
        case ADD_PROMISE -> new FormPlace("newPromises", "Nytt löfte", index);
        case RETARGET_PROMISE -> new FormPlace("newTargets", "Nytt mål", index);
        default -> new FormPlace("changedActivities", "Ändrad aktivitet", index);
      };
    }

    String path() {
      return list + "[" + index + "].";
    }

    String label() {
      return name + " " + (index + 1) + ": ";
    }
  }

  /** The row as it will be kept: an existing activity's description noted, every value checked. */
  private Row checked(Row row, String at, String label, Agreement agreement, int year, FieldChecks checks) {
    if (row.kind() == Kind.ADD_PROMISE || row.kind() == Kind.RETARGET_PROMISE) {
      return checkedPromise(row, at, label, agreement, year, checks);
    }
    if (row.kind() == Kind.ADD) {
      Activity a = row.added();
      checks.requiredText(at + "description", a.description(), label + "Aktivitet",
          FormLimits.max("planChange", "newActivities.description"));
      checks.requiredText(at + "expectedEffect", a.expectedEffect(), label + "Förväntad effekt",
          FormLimits.max("planChange", "newActivities.expectedEffect"));
      checks.requiredText(at + "indicators", a.indicators(), label + "Uppföljningsindikatorer",
          FormLimits.max("planChange", "newActivities.indicators"));
      checks.requiredText(at + "focusArea", a.focusArea(), label + "Fokusområde",
          FormLimits.max("planChange", "newActivities.focusArea"));
      person(at + "responsiblePerson", a.responsiblePerson(), label, agreement, checks);
      dates(at, "", a.start(), a.end(), label, agreement, checks);
      return row;
    }
    Optional<Activity> activity = row.activityId() == null ? Optional.empty()
        : plans.activityOfApprovedPlan(agreement.id(), year, row.activityId());
    if (activity.isEmpty()) {
      checks.fail(at + "activityId", label + "Aktiviteten finns inte i årets beslutade plan");
      return row;
    }
    if (row.kind() == Kind.MOVE) {
      dates(at, "new", row.newStart(), row.newEnd(), label, agreement, checks);
    } else if (row.kind() == Kind.REASSIGN) {
      person(at + "newPerson", row.newPerson(), label, agreement, checks);
    } else if (row.kind() == Kind.REVISE) {
      if (row.newIndicators() == null && row.newInterval() == null) {
        checks.fail(at + "newIndicators", label + "Ange nya indikatorer, ett nytt uppföljningsintervall eller båda");
      }
      checks.optionalText(at + "newIndicators", row.newIndicators(), label + "Nya uppföljningsindikatorer",
          FormLimits.max("planChange", "changedActivities.newIndicators"));
    }
    return row.withBefore(activity.get().description());
  }

  /**
   * A new promise: its text within the plan form's limit and not already a promise of the year (what is kept is
   * recorded by the promise's text); a new target: for a promise of the approved plan.
   */
  private Row checkedPromise(Row row, String at, String label, Agreement agreement, int year, FieldChecks checks) {
    List<PlanRepository.ApprovedPromise> approved = plans.promisesOfApprovedPlan(agreement.id(), year);
    if (row.kind() == Kind.ADD_PROMISE) {
      CitizenPromise p = row.promise();
      String text = checks.requiredText(at + "text", p == null ? null : p.text(), label + "Löftet",
          FormLimits.max("planChange", "newPromises.text"));
      if (text != null && approved.stream().anyMatch(a -> a.promise().text().equalsIgnoreCase(text))) {
        checks.fail(at + "text", label + "Löftet finns redan i årets plan");
      }
      if (p == null || p.party() == null) {
        checks.fail(at + "party", label + "Vem lovar måste väljas");
      }
      return row;
    }
    Optional<PlanRepository.ApprovedPromise> promise = approved.stream()
        .filter(a -> Long.valueOf(a.id()).equals(row.promiseId())).findFirst();
    if (promise.isEmpty()) {
      checks.fail(at + "promiseId", label + "Löftet finns inte i årets beslutade plan");
      return row;
    }
    if (row.promise() == null || row.promise().target() == null) {
      checks.fail(at + "target", label + "Ange det nya mätbara målet, till exempel minst 2 per månad");
    }
    return row.withBefore(promise.get().promise().text());
  }

  private void person(String field, String person, String label, Agreement agreement, FieldChecks checks) {
    String id = checks.requiredText(field, person, label + "Ansvarig person",
        FormLimits.max("planChange", "changedActivities.newPerson"));
    if (id != null && !directory.isUserInTenant(id, agreement.tenantId())) {
      checks.fail(field, label + "Ansvarig person '" + id
          + "' är ingen användare i kommunen (ange användar-id)");
    }
  }

  /** {@code prefix} "new" for new dates of an activity ({@code newStartDate}), "" for a new activity's. */
  private static void dates(String at, String prefix, LocalDate start, LocalDate end, String label,
      Agreement agreement, FieldChecks checks) {
    String startField = at + (prefix.isEmpty() ? "startDate" : prefix + "StartDate");
    String endField = at + (prefix.isEmpty() ? "endDate" : prefix + "EndDate");
    if (start == null) {
      checks.fail(startField, label + "Ange startdatum");
    }
    if (end == null) {
      checks.fail(endField, label + "Ange slutdatum");
    }
    if (start != null && end != null && end.isBefore(start)) {
      checks.fail(endField, label + "Slutdatum " + end + " får inte vara före startdatum " + start);
    }
    // the same rule as for the plan itself
    PlanInput.insidePeriod(checks, startField, start, agreement, label + "Startdatum");
    PlanInput.insidePeriod(checks, endField, end, agreement, label + "Slutdatum");
  }
}
