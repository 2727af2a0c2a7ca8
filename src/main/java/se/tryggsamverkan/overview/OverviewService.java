package se.tryggsamverkan.overview;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.followup.ActivityStatusRules;
import se.tryggsamverkan.followup.PromiseFollowUp;
import se.tryggsamverkan.followup.PromiseProgress;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.plan.PlanChange;
import se.tryggsamverkan.plan.PlanChangeRepository;
import se.tryggsamverkan.plan.PlanRepository;
import se.tryggsamverkan.report.YearlyReports;

/**
 * What a manager sees at a glance: per municipality where the cycles stand, what is late and how the promises are
 * kept; and for one municipality and year the details behind it.
 */
@Service
public class OverviewService {

  /** A task is "due soon" this many days before its due date (the first reminder's window). */
  public static final int DUE_SOON_DAYS = 7;

  public enum TaskState { OVERDUE, DUE_SOON, OK }

  public record Phase(int year, CyclePhase phase) {
  }

  public record PromiseCounts(int total, int onTrack, int atRisk, int kept, int notKept, int withoutTarget) {
  }

  /** One row of the cross-municipality table. */
  public record MunicipalityRow(String tenantId, String name, String policeArea, String agreementId, String period,
      Phase implementation, Phase planning, int openTasks, int overdueTasks, int dueSoonTasks,
      Map<ActivityStatus, Integer> activitiesByStatus, PromiseCounts promises) {
  }

  public record TaskView(CycleStates.OpenTask task, List<Role> roles, String assigneeName, TaskState state) {
  }

  public record RoleCount(Role role, int open, int overdue, int dueSoon) {
  }

  /** One municipality and year: the cycle on its diagram, its open work, activities, promises and decisions. */
  public record MunicipalityOverview(Agreement agreement, int year, List<Integer> years,
      Optional<CycleStates.Cycle> cycle, List<TaskView> openTasks, List<RoleCount> tasksByRole,
      List<ActivityFollowUp.State> activities, Map<ActivityStatus, Integer> activitiesByStatus,
      List<PromiseFollowUp.PromiseStatus> promises, List<PlanRepository.DecisionRecord> decisions,
      List<YearlyReports.Archived> reports, List<PlanChange> planChanges) {

    /** What the year's approved changes did to an activity, in the order they were decided. */
    public List<String> changesOf(long activityId) {
      return planChanges.stream().filter(c -> c.status() == PlanChange.Status.APPROVED)
          .flatMap(c -> c.rows().stream().filter(r -> Long.valueOf(activityId).equals(r.activityId()))
              .map(r -> r.shortSwedish() + " genom ändring " + c.number() + " (" + c.decidedAt().toLocalDate() + ")"))
          .toList();
    }
  }

  private final CycleStates cycles;
  private final OverviewRepository repository;
  private final AgreementRepository agreements;
  private final ActivityFollowUp activityFollowUp;
  private final PromiseFollowUp promiseFollowUp;
  private final PlanRepository plans;
  private final YearlyReports reports;
  private final Directory directory;
  private final PlanChangeRepository planChanges;

  OverviewService(CycleStates cycles, OverviewRepository repository, AgreementRepository agreements,
      ActivityFollowUp activityFollowUp, PromiseFollowUp promiseFollowUp, PlanRepository plans, YearlyReports reports,
      Directory directory, PlanChangeRepository planChanges) {
    this.planChanges = planChanges;
    this.cycles = cycles;
    this.repository = repository;
    this.agreements = agreements;
    this.activityFollowUp = activityFollowUp;
    this.promiseFollowUp = promiseFollowUp;
    this.plans = plans;
    this.reports = reports;
    this.directory = directory;
  }

  /** One row per municipality with an agreement for this year or the next, sorted by name. */
  @Transactional(readOnly = true)
  public List<MunicipalityRow> municipalities(Collection<String> tenantIds, ZonedDateTime now) {
    int year = now.getYear();
    LocalDate today = now.toLocalDate();
    List<OverviewRepository.AgreementRow> all = repository.agreements(tenantIds);
    Map<String, OverviewRepository.AgreementRow> current = new java.util.LinkedHashMap<>();
    for (OverviewRepository.AgreementRow a : all) {
      if (a.covers(year) || !current.containsKey(a.tenantId()) && a.covers(year + 1)) {
        current.put(a.tenantId(), a);
      }
    }
    List<String> agreementIds = current.values().stream().map(OverviewRepository.AgreementRow::id).toList();
    List<CycleStates.OpenTask> openTasks = cycles.openTasks(current.keySet());
    Map<String, List<CycleStates.Cycle>> cyclesByTenant = cycles.runningCycles(current.keySet(), openTasks).stream()
        .collect(Collectors.groupingBy(CycleStates.Cycle::tenantId));
    Map<String, List<CycleStates.OpenTask>> tasksByTenant = openTasks.stream()
        .collect(Collectors.groupingBy(CycleStates.OpenTask::tenantId));
    Map<String, List<OverviewRepository.ActivityRow>> activitiesByAgreement = repository.activities(agreementIds, year)
        .stream().collect(Collectors.groupingBy(OverviewRepository.ActivityRow::agreementId));
    Map<String, List<OverviewRepository.PromiseRow>> promisesByAgreement = repository.promises(agreementIds, year)
        .stream().collect(Collectors.groupingBy(OverviewRepository.PromiseRow::agreementId));
    Map<String, List<OverviewRepository.OccurrenceRow>> occurrencesByAgreement =
        repository.occurrences(agreementIds, year).stream()
            .collect(Collectors.groupingBy(OverviewRepository.OccurrenceRow::agreementId));

    List<MunicipalityRow> rows = new ArrayList<>();
    for (OverviewRepository.AgreementRow a : current.values()) {
      List<CycleStates.Cycle> running = cyclesByTenant.getOrDefault(a.tenantId(), List.of());
      List<CycleStates.OpenTask> tasks = tasksByTenant.getOrDefault(a.tenantId(), List.of());
      Map<ActivityStatus, Integer> byStatus = emptyStatusCounts();
      for (OverviewRepository.ActivityRow activity : activitiesByAgreement.getOrDefault(a.id(), List.of())) {
        byStatus.merge(ActivityStatusRules.statusOn(today, activity.start(), activity.end(), activity.reported(),
            activity.stoppedOn()), 1, Integer::sum);
      }
      rows.add(new MunicipalityRow(a.tenantId(), a.municipality(), a.policeArea(), a.id(),
          a.periodStart().getYear() + "–" + a.periodEnd().getYear(), phase(running, year), phase(running, year + 1),
          tasks.size(), (int) tasks.stream().filter(t -> state(t, now) == TaskState.OVERDUE).count(),
          (int) tasks.stream().filter(t -> state(t, now) == TaskState.DUE_SOON).count(), byStatus,
          promiseCounts(a, year, promisesByAgreement.getOrDefault(a.id(), List.of()),
              occurrencesByAgreement.getOrDefault(a.id(), List.of()), today)));
    }
    rows.sort(Comparator.comparing(MunicipalityRow::name));
    return rows;
  }

  /** The municipality's overview for a year of one of its agreements (the agreement that covers the year). */
  @Transactional(readOnly = true)
  public Optional<MunicipalityOverview> municipality(String tenantId, int year, ZonedDateTime now) {
    List<Agreement> ofTenant = agreements.findByTenant(tenantId);
    Optional<Agreement> agreement = ofTenant.stream().filter(a -> a.cycleYears().contains(year))
        .reduce((first, later) -> later);
    if (agreement.isEmpty()) {
      return Optional.empty();
    }
    Agreement a = agreement.get();
    List<Integer> years = ofTenant.stream().flatMap(x -> x.cycleYears().stream()).distinct().sorted().toList();
    Optional<CycleStates.Cycle> cycle = cycles.cycles(tenantId).stream()
        .filter(c -> c.agreementId().equals(a.id()) && c.year() == year).findFirst();
    List<TaskView> tasks = cycle.map(c -> cycles.openTasksOf(c).stream()
            .map(t -> new TaskView(t, Arrays.stream(Role.values()).filter(r -> t.groups().contains(r.groupId()))
                .toList(),
                t.assignee() == null ? null : directory.displayName(t.assignee()), state(t, now)))
            .sorted(Comparator.comparing(v -> v.task().due() == null ? now.plusYears(100) : v.task().due()))
            .toList())
        .orElse(List.of());
    List<RoleCount> byRole = Arrays.stream(Role.values()).map(role -> {
      List<TaskView> mine = tasks.stream().filter(t -> t.roles().contains(role)).toList();
      return new RoleCount(role, mine.size(), (int) mine.stream().filter(t -> t.state() == TaskState.OVERDUE).count(),
          (int) mine.stream().filter(t -> t.state() == TaskState.DUE_SOON).count());
    }).filter(c -> c.open() > 0).toList();
    List<ActivityFollowUp.State> activities = activityFollowUp.states(a.id(), year, now.toLocalDate());
    Map<ActivityStatus, Integer> byStatus = emptyStatusCounts();
    activities.forEach(s -> byStatus.merge(s.status(), 1, Integer::sum));
    return Optional.of(new MunicipalityOverview(a, year, years, cycle, tasks, byRole, activities, byStatus,
        promiseFollowUp.statuses(a, year, now.toLocalDate()), plans.decisions(a.id(), year),
        reports.versions(a.id(), year), planChanges.ofYear(a.id(), year)));
  }

  /** The diagram of a municipality's cycle. */
  public Optional<String> diagram(CycleStates.Cycle cycle) {
    return cycles.diagram(cycle.processDefinitionId());
  }

  static TaskState state(CycleStates.OpenTask task, ZonedDateTime now) {
    if (task.due() == null) {
      return TaskState.OK;
    }
    if (task.due().isBefore(now)) {
      return TaskState.OVERDUE;
    }
    return task.due().isBefore(now.plusDays(DUE_SOON_DAYS)) ? TaskState.DUE_SOON : TaskState.OK;
  }

  private static Phase phase(List<CycleStates.Cycle> running, int year) {
    return running.stream().filter(c -> c.year() == year).findFirst().map(c -> new Phase(year, c.phase()))
        .orElse(null);
  }

  private static Map<ActivityStatus, Integer> emptyStatusCounts() {
    Map<ActivityStatus, Integer> counts = new EnumMap<>(ActivityStatus.class);
    for (ActivityStatus status : ActivityStatus.values()) {
      counts.put(status, 0);
    }
    return counts;
  }

  private static PromiseCounts promiseCounts(OverviewRepository.AgreementRow agreement, int year,
      List<OverviewRepository.PromiseRow> promises, List<OverviewRepository.OccurrenceRow> occurrences,
      LocalDate today) {
    LocalDate from = LocalDate.of(year, 1, 1).isBefore(agreement.periodStart()) ? agreement.periodStart()
        : LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31).isAfter(agreement.periodEnd()) ? agreement.periodEnd()
        : LocalDate.of(year, 12, 31);
    Map<String, List<LocalDate>> done = occurrences.stream().collect(Collectors.groupingBy(
        OverviewRepository.OccurrenceRow::promiseText,
        Collectors.mapping(OverviewRepository.OccurrenceRow::day, Collectors.toList())));
    Map<PromiseProgress.Verdict, Long> verdicts = promises.stream().filter(p -> p.target() != null)
        .map(p -> PromiseProgress.of(p.target(), from, to, done.getOrDefault(p.text(), List.of()), today).verdict())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return new PromiseCounts(promises.size(), count(verdicts, PromiseProgress.Verdict.ON_TRACK),
        count(verdicts, PromiseProgress.Verdict.AT_RISK), count(verdicts, PromiseProgress.Verdict.KEPT),
        count(verdicts, PromiseProgress.Verdict.NOT_KEPT),
        (int) promises.stream().filter(p -> p.target() == null).count());
  }

  private static int count(Map<PromiseProgress.Verdict, Long> verdicts, PromiseProgress.Verdict verdict) {
    return verdicts.getOrDefault(verdict, 0L).intValue();
  }
}
