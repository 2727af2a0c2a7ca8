package se.tryggsamverkan.demo.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.demo.DemoContent;
import se.tryggsamverkan.demo.DemoContent.CycleContent;
import se.tryggsamverkan.demo.DemoContent.DemoUser;
import se.tryggsamverkan.demo.DemoContent.Manager;
import se.tryggsamverkan.demo.DemoContent.Municipality;
import se.tryggsamverkan.demo.DemoTimeline;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.plan.FollowUpInterval;
import se.tryggsamverkan.reminder.engine.ReminderSweepProcess;

/**
 * The embedded default's demo: Kungsbacka and Kävlinge with one user per role, the agreement in force (from three
 * years back to the end of this year) and the renewed one (the four years after), driven through the engine to
 * different phases, so that every demo user has work on whatever day the demo is created. Where the years lie and
 * what is left open follows {@link DemoTimeline}, counted from the engine's today.
 * Runs once: a database that already has the demo tenants is left alone.
 *
 * <p>What the demo's people are called and what they type is content, read from {@link DemoContent#RESOURCE}; this
 * class holds only how the engine is driven with it: which phase each municipality's cycles are left in, and when
 * each task is done.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "trygg.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final Date FUTURE = new Date(Long.MAX_VALUE);
  /** The engine's property that is there while the demo is being laid out: its value is the day it began. */
  static final String LAYING_OUT = "trygg.demo.layingOut";

  private final IdentityService identity;
  private boolean warnedAboutPasswords;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final ActivityFollowUp plan;
  private final EngineClock clock;
  private final DemoLayOutGate gate;
  private final DemoContent content = DemoContent.read();
  private Date realNow;
  private DemoTimeline timeline;
  /** Each open follow-up task, read once: its day and its activity are fixed when it is created. */
  private final Map<String, FollowUpTask> followUps = new HashMap<>();
  /** The plan's activities' descriptions by id. */
  private final Map<Long, String> descriptions = new HashMap<>();
  /** The tasks whose answer or stop depends on the steering group's decision round. */
  private static final Set<String> ROUND_TASKS = Set.of(TASK_ACTION_PLAN, TASK_POLICE_STEERING_DECISION,
      TASK_MUNICIPAL_STEERING_DECISION);
  private int tasksDone;
  private int timersRun;

  DemoData(IdentityService identity, RuntimeService runtime, TaskService tasks, ManagementService management,
      HistoryService history, ActivityFollowUp plan, EngineClock clock, DemoLayOutGate gate) {
    this.identity = identity;
    this.gate = gate;
    this.plan = plan;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createTenantQuery().tenantId(content.municipalities().get(0).tenantId()).count() > 0) {
      String began = management.getProperties().get(LAYING_OUT);
      if (began != null) {
        LOG.warn("The demo's lay-out that began on {} did not finish (the first start was stopped or failed while it "
            + "ran), so its data is incomplete. Stop, delete the database (./data/ by default) and start again to lay "
            + "it out anew.", began);
        return;
      }
      HistoricProcessInstance first = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(AgreementProcess.KEY).orderByProcessInstanceStartTime().asc().listPage(0, 1)
          .stream().findFirst().orElse(null);
      LOG.info("Demo data is already there (laid out on {}; it has lived on since). Delete the database "
          + "(./data/ by default) to lay it out again for today.", first == null ? "an unknown day"
          : LocalDate.ofInstant(first.getStartTime().toInstant(), clock.zone()));
      return;
    }
    // users wait (503) while the engine's clock walks through the years gone by
    gate.closeWhile(this::layOut);
  }

  private void layOut() {
    long started = System.nanoTime();
    // removed when the lay-out is done: a start that finds it knows the first one was stopped half-way
    management.setProperty(LAYING_OUT, clock.today().toString());
    content.municipalities().forEach(this::createTenantAndUsers);
    content.managers().forEach(this::createManager);
    realNow = ClockUtil.getCurrentTime();
    timeline = new DemoTimeline(clock.today());
    // the years before today are lived through on the engine's clock, so that follow-ups happen when they would
    List<Agreements> laidOut;
    try {
      laidOut = createAgreements();
    } finally {
      // back to the installation's time: the real one, or the demo's day (DEMO_TODAY), ticking from where it was
      ClockUtil.reset();
      clock.applyDemoDay();
    }
    runtime.startProcessInstanceByKey(ReminderSweepProcess.KEY);
    management.deleteProperty(LAYING_OUT);
    LOG.info("Demo data created for {}: agreements {}, {} tasks done and {} jobs run in {} ms", timeline.today(),
        laidOut.stream().map(a -> a.inForce() + " and " + a.renewed()).collect(Collectors.joining(", ")), tasksDone,
        timersRun, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /**
   * Both municipalities' agreements: the one in force with every year before this one done, this year's cycle left
   * where {@code thisYear} says, and the renewed one with next year's cycle left where {@code nextYear} says.
   */
  private List<Agreements> createAgreements() {
    int y = timeline.currentYear();
    // Kungsbacka: its first year's plan returned once; this year under way (its half-year follow-up waiting), next
    // year's police situation picture open
    Municipality kb = content.municipality("kungsbacka");
    Agreements kungsbacka = agreements(kb, (task, round) -> task.equals(TASK_HALF_YEAR_FOLLOW_UP), 1,
        (task, round) -> task.equals(TASK_POLICE_SITUATION_PICTURE), 0);
    // Kävlinge: this year at the half-year follow-up, next year's plan back at the steering group after one return
    Municipality kv = content.municipality("kavlinge");
    Agreements kavlinge = agreements(kv, (task, round) -> task.equals(TASK_HALF_YEAR_FOLLOW_UP), 0,
        (task, round) -> round >= 1
            && (task.equals(TASK_POLICE_STEERING_DECISION) || task.equals(TASK_MUNICIPAL_STEERING_DECISION)), 1);
    // a few deadlines moved close, as coordinators do, so that the first reminder sweep has something to say
    moveDue(kungsbacka.renewed() + "-" + (y + 1), TASK_POLICE_SITUATION_PICTURE, 5);
    moveDue(kavlinge.inForce() + "-" + y, TASK_HALF_YEAR_FOLLOW_UP, 1);
    return List.of(kungsbacka, kavlinge);
  }

  /** A municipality's two agreements' business keys. */
  private record Agreements(String inForce, String renewed) {
  }

  private Agreements agreements(Municipality m, BiPredicate<String, Integer> thisYear, int firstYearReturns,
      BiPredicate<String, Integer> nextYear, int nextYearReturns) {
    int y = timeline.currentYear();
    int from = timeline.currentAgreementStart(m.agreementYears());
    int to = timeline.renewedAgreementEnd(m.agreementYears());
    String inForce = startAgreement(m, m.tenantId() + "-" + from + "-" + y, from + "-01-01", y + "-12-31");
    for (int year = from; year < y; year++) {
      drive(new CycleRun(m, inForce + "-" + year, year, y), (task, round) -> false,
          year == from ? firstYearReturns : 0);
    }
    drive(new CycleRun(m, inForce + "-" + y, y, y), thisYear, 0);
    int next = timeline.renewedAgreementStart();
    String renewed = startAgreement(m, m.tenantId() + "-" + next + "-" + to, next + "-01-01", to + "-12-31");
    drive(new CycleRun(m, renewed + "-" + next, next, to), nextYear, nextYearReturns);
    return new Agreements(inForce, renewed);
  }

  private void moveDue(String cycleKey, String taskKey, int daysFromToday) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(cycleKey).taskDefinitionKey(taskKey).singleResult();
    task.setDueDate(clock.endOfDay(timeline.today().plusDays(daysFromToday)));
    tasks.saveTask(task);
  }

  private void createTenantAndUsers(Municipality municipality) {
    Tenant tenant = identity.newTenant(municipality.tenantId());
    tenant.setName(municipality.name() + " och " + municipality.policeArea());
    identity.saveTenant(tenant);
    for (DemoUser demo : municipality.users()) {
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      demoPassword(user);
      identity.saveUser(user);
      identity.createMembership(demo.id(), demo.role().groupId());
      identity.createTenantUserMembership(municipality.tenantId(), demo.id());
    }
  }

  /**
   * The demo's password, "demo", unless the engine's password policy is on (it is outside the demo unless
   * PASSWORD_POLICY=false): then the demo's people have no password and log in through single sign-on.
   */
  private void demoPassword(User user) {
    if (identity.getPasswordPolicy() == null) {
      user.setPassword(content.password());
    } else if (!warnedAboutPasswords) {
      warnedAboutPasswords = true;
      LOG.warn("The password policy is on: the demo's users get no password and log in through single sign-on "
          + "(PASSWORD_POLICY=false gives them the password \"{}\")", content.password());
    }
  }

  private void createManager(Manager manager) {
    User user = identity.newUser(manager.id());
    user.setFirstName(manager.firstName());
    user.setLastName(manager.lastName());
    user.setEmail(manager.email());
    demoPassword(user);
    identity.saveUser(user);
    identity.createMembership(manager.id(), Role.MANAGER.groupId());
    manager.covers().forEach(tenantId -> identity.createTenantUserMembership(tenantId, manager.id()));
  }

  private String startAgreement(Municipality m, String businessKey, String periodStart, String periodEnd) {
    Map<String, Object> start = new HashMap<>();
    start.put(AgreementProcess.TENANT_ID.name(), m.tenantId());
    start.put(AgreementProcess.MUNICIPALITY.name(), m.name());
    start.put(AgreementProcess.POLICE_AREA.name(), m.policeArea());
    start.put(AgreementProcess.PERIOD_START.name(), periodStart);
    start.put(AgreementProcess.PERIOD_END.name(), periodEnd);
    start.put(AgreementProcess.POLICE_COORDINATOR.name(), m.userFor(Role.POLICE_COORDINATOR));
    start.put(AgreementProcess.MUNICIPAL_COORDINATOR.name(), m.userFor(Role.MUNICIPAL_COORDINATOR));
    start.put(AgreementProcess.POLICE_STEERING_MEMBER.name(), m.userFor(Role.POLICE_STEERING));
    start.put(AgreementProcess.MUNICIPAL_STEERING_MEMBER.name(), m.userFor(Role.MUNICIPAL_STEERING));
    start.put(AgreementProcess.FIRST_CHAIR.name(), content.firstChair());
    start.put(AgreementProcess.COUNCIL_DAY_OF_MONTH.name(), String.valueOf(content.councilDayOfMonth()));
    start.put(AgreementProcess.COUNCIL_TIME.name(), content.councilTime());
    start.put(AgreementProcess.COUNCIL_PLACE.name(), m.meetingPlace());
    ClockUtil.setCurrentTime(realNow);
    runtime.startProcessInstanceByKey(AgreementProcess.KEY, businessKey, start);
    return businessKey;
  }

  /** One cycle of one municipality's agreement, as the demo drives it. */
  private record CycleRun(Municipality m, String key, int year, int lastYearOfPeriod) {
    CycleContent content() {
      return m.cycle();
    }
  }

  /**
   * Completes the cycle's tasks in order with the demo content until only tasks that {@code stopAt} keeps, or that
   * nobody would have done yet today, are left. The steering group returns the plan {@code returns} times before
   * approving it. A cycle planned in an earlier year is planned on the first working morning of that year; next
   * year's is being planned today. From the signing on, the engine's clock follows the year: each follow-up timer
   * fires on its day and each task is done when {@link #doneAt} says, never later than today.
   */
  private void drive(CycleRun run, BiPredicate<String, Integer> stopAt, int returns) {
    ProcessInstance cycle = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(run.key()).singleResult();
    LocalDate planningStarts = LocalDate.of(run.year() - 1, 1, 2);
    ClockUtil.setCurrentTime(planningStarts.getYear() < timeline.currentYear()
        ? new Date(clock.startOfDay(planningStarts).getTime() + TimeUnit.HOURS.toMillis(9)) : realNow);
    while (true) {
      // each open task's moment asked once per step (a follow-up's once for good: it does not move)
      Map<Task, Date> open = new LinkedHashMap<>();
      tasks.createTaskQuery().processInstanceId(cycle.getId()).list().forEach(t -> open.put(t, doneAt(t, run)));
      // the decision round only matters to the plan and the steering group's decisions: read when one is open
      int round = open.keySet().stream().anyMatch(t -> ROUND_TASKS.contains(t.getTaskDefinitionKey()))
          ? currentRound(cycle.getId()) : 0;
      Map.Entry<Task, Date> next = open.entrySet().stream()
          .filter(t -> !stopAt.test(t.getKey().getTaskDefinitionKey(), round) && !t.getValue().after(realNow))
          .min(Map.Entry.comparingByValue()).orElse(null);
      Task task = next == null ? null : next.getKey();
      Job job = management.createJobQuery().processInstanceId(cycle.getId()).orderByJobDuedate().asc().list()
          .stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(realNow)).findFirst().orElse(null);
      if (job != null && (task == null || job.getDuedate() == null || job.getDuedate().before(next.getValue()))) {
        run(job);
      } else if (task != null) {
        moveClockTo(next.getValue());
        // claimed first when nobody holds it, so that history and the plan's records say who did the work
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), worker(task, run.m()));
        }
        tasks.complete(task.getId(), answers(task, run, round, returns));
        followUps.remove(task.getId());
        tasksDone++;
      } else {
        // nothing left that anybody would have done by today; an ended cycle has neither tasks nor jobs
        return;
      }
    }
  }

  /**
   * When a demo user does a task: a follow-up on its day, unless {@link DemoTimeline} leaves it open; next year's
   * plan at once (it is being made today); in a cycle planned in an earlier year, each task five days before it is
   * due (or at once when that has passed), the steering group's decision at its meeting, the promises signed on
   * 20 December and the summons to the half-year meeting sent right after.
   */
  private Date doneAt(Task task, CycleRun run) {
    String key = task.getTaskDefinitionKey();
    Date now = ClockUtil.getCurrentTime();
    if (TASK_PROPOSE_PLAN_CHANGE.equals(key)) {
      // open all year for the coordinators to use when something happens; the demo year has no plan change
      return FUTURE;
    }
    if (TASK_FOLLOW_UP_ACTIVITY.equals(key)) {
      return followUpOf(task, run).doneAt();
    }
    Date at;
    if (run.year() > timeline.currentYear() || key.equals(TASK_SCHEDULE_FOLLOW_UP_MEETING)) {
      at = now;
    } else if (key.equals(TASK_POLICE_STEERING_DECISION) || key.equals(TASK_MUNICIPAL_STEERING_DECISION)) {
      // decided at the steering group's meeting, in the afternoon
      LocalDate meeting = LocalDate.parse((String) runtime.getVariable(task.getProcessInstanceId(),
          STEERING_MEETING_DATE.name()));
      at = new Date(clock.startOfDay(meeting).getTime() + TimeUnit.HOURS.toMillis(15));
    } else if (key.equals(TASK_SIGN_AND_PUBLISH)) {
      at = new Date(clock.startOfDay(LocalDate.of(run.year() - 1, 12, 20)).getTime() + TimeUnit.HOURS.toMillis(10));
    } else if (task.getDueDate() != null) {
      at = new Date(task.getDueDate().getTime() - TimeUnit.DAYS.toMillis(5));
    } else {
      at = now;
    }
    return at.before(now) ? now : at;
  }

  /**
   * The activity a follow-up task is for, the day it is due, and when its owner reports it: read once per task (the
   * activity's description from the plan, as its owner sees it in the form) and kept until the task is done.
   */
  private FollowUpTask followUpOf(Task task, CycleRun run) {
    return followUps.computeIfAbsent(task.getId(), id -> {
      Map<String, Object> variables = tasks.getVariables(id, List.of(ACTIVITY_ID.name(), FOLLOW_UP_ON.name()));
      String description = descriptions.computeIfAbsent(ACTIVITY_ID.of(variables.get(ACTIVITY_ID.name())),
          activityId -> plan.activity(activityId).activity().description());
      CycleContent c = run.content();
      DemoContent.ActivityRow row = Stream.concat(c.activities().stream(), Stream.of(c.revision()))
          .filter(a -> a.description().equals(description)).findFirst().orElseThrow();
      LocalDate day = LocalDate.parse((String) variables.get(FOLLOW_UP_ON.name()));
      // owners report in the morning, so that an activity reported finished on its end date is not late
      Date doneAt = timeline.reportedOn(day, end(row, run), isLate(row, run))
          .map(d -> new Date(clock.startOfDay(d).getTime() + TimeUnit.HOURS.toMillis(10))).orElse(FUTURE);
      return new FollowUpTask(row, day, doneAt);
    });
  }

  /** A follow-up task as the demo sees it: the content's activity, the follow-up's day and when it is reported. */
  private record FollowUpTask(DemoContent.ActivityRow row, LocalDate day, Date doneAt) {
  }

  private boolean isLate(DemoContent.ActivityRow row, CycleRun run) {
    return row.description().equals(run.content().lateActivity()) && run.year() == timeline.lateActivityYear();
  }

  private void moveClockTo(Date when) {
    if (when.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(when);
    }
  }

  /** The municipality's user in the role of the task's first candidate group. */
  private String worker(Task task, Municipality m) {
    String group = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).findFirst().orElseThrow();
    return m.userFor(Arrays.stream(Role.values()).filter(r -> r.groupId().equals(group)).findFirst().orElseThrow());
  }

  private int currentRound(String processInstanceId) {
    Object round = runtime.getVariable(processInstanceId, DECISION_ROUND.name());
    return round == null ? 0 : ((Number) round).intValue();
  }

  private Map<String, Object> answers(Task task, CycleRun run, int round, int returns) {
    Municipality m = run.m();
    CycleContent c = run.content();
    int year = run.year();
    Map<String, Object> v = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case TASK_POLICE_SITUATION_PICTURE -> situation(v, c.policePicture(), c.policeEntries(), List.of());
      case TASK_MUNICIPAL_SITUATION_PICTURE -> situation(v, c.municipalPicture(), c.municipalEntries(), c.places());
      case TASK_MERGE_AND_PRIORITISE -> {
        v.put(JOINT_SITUATION_PICTURE.name(), c.jointPicture());
        v.put(FOCUS_AREAS.name(), json(c.focusAreas().stream().map(name -> "{\"name\":" + quote(name) + "}")));
        v.put(PRIORITISED_PROBLEMS.name(), json(c.problems().stream().map(p -> "{\"title\":" + quote(p.title())
            + ",\"focusArea\":" + quote(p.focusArea()) + ",\"description\":" + quote(p.description()) + "}")));
      }
      case TASK_CAUSE_ANALYSIS -> {
        v.put(CAUSES.name(), c.causes());
        v.put(KNOWLEDGE_SOURCES.name(), content.knowledgeSources());
      }
      case TASK_ACTION_PLAN -> {
        List<DemoContent.ActivityRow> activities = new ArrayList<>(c.activities());
        if (round > 0) {
          activities.add(c.revision());
        }
        v.put(ACTIVITIES.name(), json(activities.stream().map(a -> activity(a, run))));
        v.put(PROMISES.name(), json(c.promises().stream().map(p -> "{\"text\":" + quote(p.text())
            + ",\"party\":" + quote(p.party()) + ",\"target\":" + quote(p.target()) + "}")));
      }
      case TASK_PREPARE_STEERING_GROUP -> {
        // mid December, or a week ahead when the plan is late: a summons is never for a day gone by
        LocalDate meeting = LocalDate.of(year - 1, 12, 15);
        LocalDate weekAhead = clock.today().plusDays(7);
        v.put("steeringMeetingDate", (meeting.isAfter(clock.today()) ? meeting : weekAhead).toString());
        v.put("steeringMeetingPlace", m.meetingPlace());
        v.put("preparationSummary", content.preparationSummary());
      }
      case TASK_POLICE_STEERING_DECISION -> {
        boolean returnThePlan = round < returns;
        v.put(DECISION.name(), returnThePlan ? "RETURN" : "APPROVE");
        v.put(DECISION_COMMENT.name(), returnThePlan ? c.steeringReturn() : null);
      }
      case TASK_MUNICIPAL_STEERING_DECISION -> v.put(DECISION.name(), "APPROVE");
      case TASK_SIGN_AND_PUBLISH -> {
        v.put("signedOn", clock.today().toString());
        v.put("publishedAt", content.publishedAt());
      }
      case TASK_FOLLOW_UP_ACTIVITY -> followUp(v, task, run);
      case TASK_SCHEDULE_FOLLOW_UP_MEETING -> {
        v.put("steeringMeetingDate", year + "-06-10");
        v.put("steeringMeetingTime", content.followUpMeetingTime());
        v.put("steeringMeetingPlace", m.meetingPlace());
      }
      case TASK_HALF_YEAR_FOLLOW_UP -> {
        v.put(HALF_YEAR_CONCLUSIONS.name(), c.halfYearConclusions());
        v.put(HALF_YEAR_PLAN_CHANGES.name(), c.halfYearPlanChanges());
      }
      case TASK_YEARLY_FOLLOW_UP_REPORT -> {
        v.put(YEARLY_REPORT_SUMMARY.name(), c.yearlyReportSummary());
        v.put(PRESENTED_TO_BOARD_ON.name(), (year + 1) + "-02-20");
        v.put(LESSONS_FOR_NEXT_YEAR.name(), c.lessons());
      }
      default -> throw new IllegalStateException("The demo has no answers for " + task.getTaskDefinitionKey());
    }
    return v;
  }

  private static void situation(Map<String, Object> v, String picture, List<DemoContent.Entry> entries,
      List<DemoContent.PlaceRow> places) {
    v.put(SITUATION_PICTURE.name(), picture);
    v.put(SITUATION_ENTRIES.name(), json(entries.stream().map(e -> "{\"source\":" + quote(e.source())
        + ",\"description\":" + quote(e.description()) + ",\"figure\":" + e.figure()
        + ",\"unit\":" + (e.unit() == null ? "null" : quote(e.unit())) + "}")));
    v.put(PLACES.name(), json(places.stream().map(p -> "{\"name\":" + quote(p.name()) + ",\"kind\":"
        + quote(p.kind()) + ",\"description\":" + quote(p.description()) + ",\"latitude\":" + p.latitude()
        + ",\"longitude\":" + p.longitude() + "}")));
  }

  /**
   * The owner's answer at a follow-up: progress before the activity's end, the outcome at its last follow-up, and
   * the dates the promise it carries out was kept since the previous follow-up (every Thursday for a weekly one).
   */
  private void followUp(Map<String, Object> v, Task task, CycleRun run) {
    CycleContent c = run.content();
    int year = run.year();
    FollowUpTask followUp = followUpOf(task, run);
    DemoContent.ActivityRow row = followUp.row();
    LocalDate day = followUp.day();
    boolean last = !day.isBefore(end(row, run)) || day.equals(LocalDate.of(year, 12, 31));
    DemoContent.FollowUp f = row.followUp();
    v.put(ACTIVITY_STATUS.name(), last ? f.finalStatus() : f.progressStatus());
    v.put(STATUS_COMMENT.name(), last ? f.outcome() : f.progress());
    List<String> rows = new ArrayList<>();
    if (f.promise() > 0) {
      boolean weekly = c.promises().get(f.promise() - 1).target().contains("vecka");
      LocalDate from = day.minusMonths(FollowUpInterval.valueOf(row.interval()).months()).plusDays(1);
      for (LocalDate d = weekly ? from : day.minusDays(7); !d.isAfter(day); d = d.plusDays(1)) {
        if (d.getYear() == year && (!weekly || d.getDayOfWeek() == DayOfWeek.THURSDAY)) {
          rows.add("{\"promise\":\"" + f.promise() + "\",\"date\":\"" + d + "\"}");
        }
        if (!weekly) {
          break;
        }
      }
    }
    v.put(PROMISE_OCCURRENCES.name(), json(rows.stream()));
  }

  /**
   * The activity's end in this cycle: its day in the cycle's year, or next year's for one that runs on (the last
   * year of the agreement cuts it at 31 December); the late activity ended {@link DemoTimeline} days ago.
   */
  private LocalDate end(DemoContent.ActivityRow a, CycleRun run) {
    if (isLate(a, run)) {
      return timeline.lateActivityEnd();
    }
    int year = run.year();
    int lastYear = run.lastYearOfPeriod();
    String end = a.followUp().end();
    return end.startsWith("+") ? year < lastYear ? LocalDate.parse((year + 1) + "-" + end.substring(1))
        : LocalDate.of(year, 12, 31) : LocalDate.parse(year + "-" + end);
  }

  private String activity(DemoContent.ActivityRow a, CycleRun run) {
    Municipality m = run.m();
    int year = run.year();
    LocalDate end = end(a, run);
    return "{\"focusArea\":" + quote(a.focusArea()) + ",\"description\":" + quote(a.description())
        + ",\"expectedEffect\":" + quote(a.expectedEffect()) + ",\"responsibleParty\":" + quote(a.party())
        + ",\"responsiblePerson\":" + quote(m.userFor(a.owner())) + ",\"startDate\":\"" + year + "-01-01\""
        + ",\"endDate\":\"" + end + "\",\"indicators\":" + quote(a.indicators())
        + ",\"followUpInterval\":" + quote(a.interval()) + "}";
  }

  private static Object json(Stream<String> rows) {
    return SpinValues.jsonValue("[" + rows.collect(Collectors.joining(",")) + "]").create();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Runs a timer on its own time; the job executor may get there first, which is fine. */
  private void run(Job job) {
    if (job.getDuedate() != null) {
      moveClockTo(job.getDuedate());
    }
    try {
      management.executeJob(job.getId());
      timersRun++;
    } catch (OptimisticLockingException anotherThreadRanIt) {
      // done by the job executor
    } catch (ProcessEngineException e) {
      if (management.createJobQuery().jobId(job.getId()).count() > 0) {
        throw e;
      }
    }
  }
}
