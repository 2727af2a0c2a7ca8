package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.common.FormLimits;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.FollowUpInterval;
import se.tryggsamverkan.plan.PlanRepository;
import se.tryggsamverkan.plan.RunningYear;

/**
 * The running year follows the approved change to its plan (issue 15): the one place that says what an approved
 * change does to a running cycle's {@code SubProcess_ActivityFollowUp}, one rule per operation. Each runs in one
 * transaction with the change to the activity's row, and is meant to be called from outside the engine (the service
 * that records the steering group's decision), next to that decision. ({@link #add} would also work from a delegate
 * of the same cycle: {@code AddingToARunningMultiInstanceTest}.)
 *
 * <p>The instance of an activity is found by the {@code activityId} local to its sub-process instance (the input
 * mapping copies the multi-instance element variable there): row ids are unique across all plans, so the id alone
 * names one instance of one cycle.
 */
@Component
public class RunningYearFollowsPlan implements RunningYear {

  /** The message of {@code StartEvent_StopActivity} ({@code Message_StopActivity}). */
  static final String STOP_MESSAGE = "activityStopped";
  static final String MULTI_INSTANCE_BODY = SUBPROCESS_ACTIVITY_FOLLOW_UP + "#multiInstanceBody";

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final HistoryService history;
  private final ActivityFollowUps followUps;
  private final ActivityFollowUp followUp;
  private final PlanRepository plans;
  private final EngineClock clock;

  RunningYearFollowsPlan(RuntimeService runtime, ManagementService management, TaskService tasks,
      HistoryService history, ActivityFollowUps followUps, ActivityFollowUp followUp, PlanRepository plans,
      EngineClock clock) {
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.history = history;
    this.followUps = followUps;
    this.followUp = followUp;
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * The longest reason for a stop: an activity is stopped by an approved plan change, whose reason it takes, so it is
   * the proposal form's limit for that reason ({@code planChange/planChangeReason}), declared once there; the
   * engine's string variable {@code stopReason} holds it ({@link se.tryggsamverkan.common.FormLimits#STRING_VARIABLE})
   * and {@code activity.stop_reason} is as wide (V10, FieldLimitsTest).
   */
  public static final int STOP_REASON_MAX = FormLimits.max("planChange", "planChangeReason");

  /**
   * Rule "stopped": the activity's row is marked stopped today with the reason (from then on its status is
   * "Stoppad", never "Försenad"), and its instance ends through {@code SubProcess_StopActivity} (interrupting, so its
   * open follow-up task and both timers go with it: no more follow-ups); the reason also stays in the instance's
   * history. The activity's row is kept: the year's report still lists it with what was reported and why it was
   * stopped. False when it was stopped before (the first stop stands) or had no running follow-up (already ended,
   * or the year's follow-up has not started: then it never starts one for this activity).
   */
  @Override
  @Transactional
  public boolean stop(long activityId, String reason) {
    FieldChecks checks = new FieldChecks();
    String text = checks.requiredText(STOP_REASON.name(), reason, "Skälet till att aktiviteten stoppas",
        STOP_REASON_MAX);
    checks.throwIfAny();
    if (!plans.stopActivity(activityId, clock.today(), text)) {
      return false;
    }
    return !runtime.createMessageCorrelation(STOP_MESSAGE)
        .localVariableEquals(ACTIVITY_ID.name(), activityId)
        .setVariableLocal(STOP_REASON.name(), text)
        .correlateAllWithResult().isEmpty();
  }

  /**
   * Rule "moved": the activity's row gets the new dates, and its waiting timers are set to what their expressions
   * would give now: {@code Timer_ActivityOverdue} to the day after the new end, {@code Timer_NextFollowUp} (and the
   * instance's {@code followUpOn}) to the next follow-up after today on the new dates. An open follow-up task keeps
   * its due date; the round after it is counted on the new dates anyway.
   */
  @Override
  @Transactional
  public void move(long activityId, LocalDate start, LocalDate end) {
    plans.moveActivity(activityId, start, end);
    for (Job overdue : jobs(activityId, TIMER_ACTIVITY_OVERDUE)) {
      management.setJobDuedate(overdue.getId(), clock.startOfDay(followUps.overdueOn(activityId)));
    }
    planNextFollowUpAgain(activityId);
  }

  /**
   * Rule "new follow-up": the activity's row gets the new indicators or interval; the waiting
   * {@code Timer_NextFollowUp} is set to the next follow-up after today on the new interval, as for new dates, and
   * an open follow-up task's form shows the new indicators when it is next opened.
   */
  @Override
  @Transactional
  public void revise(long activityId, String indicators, FollowUpInterval interval) {
    plans.reviseActivity(activityId, indicators, interval);
    planNextFollowUpAgain(activityId);
  }

  /** The waiting next-follow-up timer (and {@code followUpOn}) as its expression would give it now. */
  private void planNextFollowUpAgain(long activityId) {
    for (Job next : jobs(activityId, TIMER_NEXT_FOLLOW_UP)) {
      LocalDate on = followUps.next(activityId, Optional.empty()).orElse(clock.today());
      runtime.setVariable(next.getExecutionId(), FOLLOW_UP_ON.name(), on.toString());
      management.setJobDuedate(next.getId(), clock.startOfDay(on));
    }
  }

  /**
   * Rule "new owner": the activity's row gets the new responsible person, whom {@code owner(execution)} reads for
   * every later round; the open follow-up task, if any, is assigned to them now (to nobody, so the coordinators
   * take it, when they are not a user of the municipality).
   */
  @Override
  @Transactional
  public void reassign(long activityId, String person) {
    plans.changeResponsiblePerson(activityId, person);
    for (Task task : openTasks(activityId)) {
      tasks.setAssignee(task.getId(), followUps.owner(activityId, task.getTenantId()));
    }
  }

  /**
   * Rule "added": the activity becomes a row of the approved plan and, once the year's follow-up runs, a new inner
   * instance of {@code SubProcess_ActivityFollowUp} (process instance modification under the multi-instance body,
   * which counts it in {@code nrOfInstances}), so its follow-ups come on its interval from its start and its
   * overdue timer waits for its end. Before the plan is signed nothing more is needed: the multi-instance reads the
   * approved plan's rows when it starts. Returns the new row's id.
   */
  @Override
  @Transactional
  public long add(String agreementId, int year, Activity activity) {
    long activityId = plans.addToApprovedPlan(agreementId, year, activity);
    ProcessInstance cycle = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(AGREEMENT_ID.name(), agreementId).variableValueEquals(CYCLE_YEAR.name(), year)
        .singleResult();
    if (cycle == null) {
      throw new IllegalStateException("Ingen pågående årscykel för " + agreementId + " " + year);
    }
    ActivityInstance[] bodies = runtime.getActivityInstance(cycle.getId()).getActivityInstances(MULTI_INSTANCE_BODY);
    if (bodies.length == 0) {
      boolean started = history.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
          .activityId(MULTI_INSTANCE_BODY).count() > 0;
      if (started) {
        throw new IllegalStateException("Årets uppföljning per aktivitet är redan avslutad för " + agreementId + " "
            + year);
      }
      return activityId;
    }
    runtime.createProcessInstanceModification(cycle.getId())
        .startBeforeActivity(SUBPROCESS_ACTIVITY_FOLLOW_UP, bodies[0].getId())
        .setVariableLocal(ACTIVITY_ID.name(), activityId)
        .setAnnotation("Aktivitet " + activityId + " tillagd i den beslutade planen")
        .execute();
    return activityId;
  }

  /** The cycle running the activity's follow-up instance, if it still runs. */
  private Optional<String> cycleOf(long activityId) {
    return runtime.createExecutionQuery().processDefinitionKey(KEY)
        .variableValueEquals(ACTIVITY_ID.name(), activityId).list().stream()
        .map(Execution::getProcessInstanceId).findFirst();
  }

  private List<Job> jobs(long activityId, String timerId) {
    return cycleOf(activityId).map(cycle -> management.createJobQuery().processInstanceId(cycle).activityId(timerId)
        .list().stream().filter(job -> ofActivity(job.getExecutionId(), activityId)).toList()).orElse(List.of());
  }

  private List<Task> openTasks(long activityId) {
    return cycleOf(activityId).map(cycle -> tasks.createTaskQuery().processInstanceId(cycle)
        .taskDefinitionKey(TASK_FOLLOW_UP_ACTIVITY).list().stream()
        .filter(task -> ofActivity(task.getExecutionId(), activityId)).toList()).orElse(List.of());
  }

  private boolean ofActivity(String executionId, long activityId) {
    return Long.valueOf(activityId).equals(runtime.getVariable(executionId, ACTIVITY_ID.name()));
  }
}
