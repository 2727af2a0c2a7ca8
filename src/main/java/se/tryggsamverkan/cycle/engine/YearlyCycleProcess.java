package se.tryggsamverkan.cycle.engine;

import se.tryggsamverkan.engine.ProcessVariable;

/** The yearly cycle: its key, element ids and variables (bpmn/yearlyCycle.bpmn). */
public final class YearlyCycleProcess {

  public static final String KEY = "yearlyCycle";

  public static final String START_EVENT = "StartEvent_CycleStarted";
  public static final String TIMER_CYCLE_START = "Timer_CycleStart";
  public static final String TASK_CARRY_FORWARD = "Task_CarryForwardFromLastYear";
  public static final String TASK_POLICE_SITUATION_PICTURE = "Task_PoliceSituationPicture";
  public static final String TASK_MUNICIPAL_SITUATION_PICTURE = "Task_MunicipalSituationPicture";
  public static final String TASK_MERGE_AND_PRIORITISE = "Task_MergeAndPrioritise";
  public static final String TASK_CAUSE_ANALYSIS = "Task_CauseAnalysis";
  public static final String TASK_ACTION_PLAN = "Task_ActionPlan";
  public static final String TASK_PREPARE_STEERING_GROUP = "Task_PrepareSteeringGroup";
  public static final String TASK_POLICE_STEERING_DECISION = "Task_PoliceSteeringDecision";
  public static final String TASK_MUNICIPAL_STEERING_DECISION = "Task_MunicipalSteeringDecision";
  public static final String TASK_RECORD_STEERING_ROUND = "Task_RecordSteeringRound";
  public static final String GATEWAY_STEERING_GROUP_AGREES = "Gateway_SteeringGroupAgrees";
  public static final String TASK_SIGN_AND_PUBLISH = "Task_SignAndPublish";
  public static final String TASK_SCHEDULE_FOLLOW_UP_MEETING = "Task_ScheduleFollowUpMeeting";
  public static final String SUBPROCESS_ACTIVITY_FOLLOW_UP = "SubProcess_ActivityFollowUp";
  public static final String GATEWAY_MORE_FOLLOW_UPS = "Gateway_MoreFollowUps";
  public static final String TIMER_NEXT_FOLLOW_UP = "Timer_NextFollowUp";
  public static final String TASK_FOLLOW_UP_ACTIVITY = "Task_FollowUpActivity";
  public static final String TIMER_ACTIVITY_OVERDUE = "Timer_ActivityOverdue";
  public static final String TASK_MARK_ACTIVITY_DELAYED = "Task_MarkActivityDelayed";
  public static final String SUBPROCESS_STOP_ACTIVITY = "SubProcess_StopActivity";
  public static final String END_EVENT_ACTIVITY_STOPPED = "EndEvent_ActivityStopped";
  public static final String TASK_HALF_YEAR_FOLLOW_UP = "Task_HalfYearFollowUp";
  public static final String SUBPROCESS_PLAN_CHANGES = "SubProcess_PlanChanges";
  public static final String TASK_PROPOSE_PLAN_CHANGE = "Task_ProposePlanChange";
  public static final String TASK_POLICE_PLAN_CHANGE_DECISION = "Task_PolicePlanChangeDecision";
  public static final String TASK_MUNICIPAL_PLAN_CHANGE_DECISION = "Task_MunicipalPlanChangeDecision";
  public static final String TASK_SETTLE_PLAN_CHANGE = "Task_SettlePlanChange";
  public static final String TIMER_PLAN_CHANGES_CLOSE = "Timer_PlanChangesClose";
  public static final String TASK_CLOSE_PLAN_CHANGES = "Task_ClosePlanChanges";
  public static final String TASK_YEARLY_FOLLOW_UP_REPORT = "Task_YearlyFollowUpReport";
  public static final String TASK_HAND_OVER_LESSONS = "Task_HandOverLessons";
  public static final String END_EVENT = "EndEvent_CycleCompleted";

  // passed in by the agreement
  public static final ProcessVariable<String> AGREEMENT_ID = ProcessVariable.string("agreementId");
  public static final ProcessVariable<Integer> CYCLE_YEAR = ProcessVariable.integer("cycleYear");
  public static final ProcessVariable<String> MUNICIPALITY = ProcessVariable.string("municipality");

  // situation picture (task-local in each party's task, copied out per party)
  public static final ProcessVariable<String> PREVIOUS_LESSONS = ProcessVariable.longText("previousLessons");
  public static final ProcessVariable<String> SITUATION_PICTURE = ProcessVariable.string("situationPicture");
  public static final ProcessVariable<String> POLICE_SITUATION_PICTURE =
      ProcessVariable.string("policeSituationPicture");
  public static final ProcessVariable<String> MUNICIPAL_SITUATION_PICTURE =
      ProcessVariable.string("municipalSituationPicture");
  /** Json list of {"source", "description", "figure", "unit"} (task-local). */
  public static final ProcessVariable<String> SITUATION_ENTRIES = ProcessVariable.json("situationEntries");
  /** Json list of {"name", "kind", "description"} (task-local). */
  public static final ProcessVariable<String> PLACES = ProcessVariable.json("places");

  // merge and prioritise
  public static final ProcessVariable<String> JOINT_SITUATION_PICTURE =
      ProcessVariable.string("jointSituationPicture");
  /** Json list of {"name"}: this year's focus areas, prefilled with last year's. */
  public static final ProcessVariable<String> FOCUS_AREAS = ProcessVariable.json("focusAreas");
  /** The focus areas as one line, shown in the action-plan form. */
  public static final ProcessVariable<String> FOCUS_AREA_NAMES = ProcessVariable.longText("focusAreaNames");
  /** Json list of {"title", "focusArea", "description"}, one per prioritised problem. */
  public static final ProcessVariable<String> PRIORITISED_PROBLEMS = ProcessVariable.json("prioritisedProblems");

  // cause analysis (multi-instance; task-local)
  public static final ProcessVariable<String> PROBLEM = ProcessVariable.string("problem");
  public static final ProcessVariable<String> CAUSES = ProcessVariable.string("causes");
  public static final ProcessVariable<String> KNOWLEDGE_SOURCES = ProcessVariable.string("knowledgeSources");

  // action plan
  /** Json list of activities with the fields of Kävlinge's annex; prefilled with last year's unfinished ones. */
  public static final ProcessVariable<String> ACTIVITIES = ProcessVariable.json("activities");
  /** Json list of {"text", "party", "target"}: the draft citizen promises. */
  public static final ProcessVariable<String> PROMISES = ProcessVariable.json("promises");
  public static final ProcessVariable<Integer> PLAN_VERSION = ProcessVariable.integer("planVersion");
  public static final ProcessVariable<String> PLAN_SUMMARY = ProcessVariable.longText("planSummary");
  /** What changed since the version the steering group returned; null for the first version. */
  public static final ProcessVariable<String> PLAN_CHANGES = ProcessVariable.longText("planChanges");

  // preparation: the steering group's meeting
  public static final ProcessVariable<String> STEERING_MEETING_DATE = ProcessVariable.string("steeringMeetingDate");
  public static final ProcessVariable<String> STEERING_MEETING_TIME = ProcessVariable.string("steeringMeetingTime");
  public static final ProcessVariable<String> STEERING_MEETING_PLACE = ProcessVariable.string("steeringMeetingPlace");

  // steering group
  public static final ProcessVariable<String> STEERING_CHAIR = ProcessVariable.string("steeringChair");
  public static final ProcessVariable<String> DECISION = ProcessVariable.string("decision");
  public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.string("decisionComment");
  public static final ProcessVariable<String> POLICE_DECISION = ProcessVariable.string("policeDecision");
  public static final ProcessVariable<String> POLICE_DECISION_COMMENT =
      ProcessVariable.string("policeDecisionComment");
  public static final ProcessVariable<String> MUNICIPAL_DECISION = ProcessVariable.string("municipalDecision");
  public static final ProcessVariable<String> MUNICIPAL_DECISION_COMMENT =
      ProcessVariable.string("municipalDecisionComment");
  public static final ProcessVariable<Boolean> STEERING_GROUP_AGREES = ProcessVariable.bool("steeringGroupAgrees");
  public static final ProcessVariable<Integer> DECISION_ROUND = ProcessVariable.integer("decisionRound");
  /** Every returned round's comments, newest first, shown in the action-plan form. */
  public static final ProcessVariable<String> STEERING_COMMENTS = ProcessVariable.longText("steeringComments");

  // follow-up per activity (one instance of SubProcess_ActivityFollowUp per activity of the approved plan)
  /** The activity's row id in the approved plan: the multi-instance element variable. */
  public static final ProcessVariable<Long> ACTIVITY_ID = ProcessVariable.longValue("activityId");
  /** The date of the follow-up now due or ahead (yyyy-MM-dd), local to the activity's instance. */
  public static final ProcessVariable<String> FOLLOW_UP_ON = ProcessVariable.string("followUpOn");
  /** Why the steering group stopped an activity: set with the stop message, in the activity's instance's history. */
  public static final ProcessVariable<String> STOP_REASON = ProcessVariable.string("stopReason");
  // shown in the follow-up form, read from the plan when it is opened (ActivityFollowUpFormValues), never stored
  public static final ProcessVariable<String> ACTIVITY_DESCRIPTION = ProcessVariable.string("activityDescription");
  public static final ProcessVariable<String> ACTIVITY_DETAILS = ProcessVariable.longText("activityDetails");
  public static final ProcessVariable<String> CURRENT_STATUS = ProcessVariable.string("currentStatus");
  public static final ProcessVariable<String> PREVIOUS_REPORT = ProcessVariable.longText("previousReport");
  /** Json list of {"label", "value"}: the year's promises for the occurrences list's select. */
  public static final ProcessVariable<String> PROMISE_OPTIONS = ProcessVariable.json("promiseOptions");
  // submitted in the follow-up form (task-local)
  public static final ProcessVariable<String> ACTIVITY_STATUS = ProcessVariable.string("activityStatus");
  public static final ProcessVariable<String> STATUS_COMMENT = ProcessVariable.string("statusComment");
  /** Json list of {"promise", "date", "note"}: promises carried out since the last follow-up. */
  public static final ProcessVariable<String> PROMISE_OCCURRENCES = ProcessVariable.json("promiseOccurrences");

  // half-year follow-up
  /** Json list of {"status", "activity", "responsible", "period", "comment"} (task-local, compiled on create). */
  public static final ProcessVariable<String> ACTIVITY_STATUS_ROWS = ProcessVariable.json("activityStatusRows");
  /** Json list of {"promise", "target", "done", "verdict"} (task-local, compiled on create). */
  public static final ProcessVariable<String> PROMISE_STATUS_ROWS = ProcessVariable.json("promiseStatusRows");
  /** The day the tables were compiled (task-local). */
  public static final ProcessVariable<String> STATUS_COMPILED_ON = ProcessVariable.string("statusCompiledOn");
  /** {@code signAndPublish.form}: the signing day, and whether the promises go on the public page. */
  public static final ProcessVariable<String> SIGNED_ON = ProcessVariable.string("signedOn");
  public static final ProcessVariable<Boolean> PUBLISH_PROMISES = ProcessVariable.bool("publishPromises");
  /** The change being decided, local to {@code SubProcess_PlanChanges}. */
  public static final ProcessVariable<Long> PLAN_CHANGE_ID = ProcessVariable.longValue("planChangeId");
  /** {@code planChange.form}: why, the changed activities and the new ones (local to the task). */
  public static final ProcessVariable<String> PLAN_CHANGE_REASON = ProcessVariable.string("planChangeReason");
  public static final ProcessVariable<String> CHANGED_ACTIVITIES = ProcessVariable.json("changedActivities");
  public static final ProcessVariable<String> NEW_ACTIVITIES = ProcessVariable.json("newActivities");
  public static final ProcessVariable<String> NEW_PROMISES = ProcessVariable.json("newPromises");
  public static final ProcessVariable<String> NEW_TARGETS = ProcessVariable.json("newTargets");
  /** The approved plan's promises as the proposal form's choices for a new target. */
  public static final ProcessVariable<String> APPROVED_PROMISES = ProcessVariable.json("approvedPromises");
  /** The approved plan's running activities as the proposal form's choices, and as text. */
  public static final ProcessVariable<String> APPROVED_ACTIVITIES = ProcessVariable.json("approvedActivities");
  public static final ProcessVariable<String> APPROVED_PLAN = ProcessVariable.longText("approvedPlan");
  /** {@code planChangeDecision.form}: the change row by row against the approved plan, and who proposed it why. */
  public static final ProcessVariable<String> PLAN_CHANGE_SUMMARY = ProcessVariable.longText("planChangeSummary");
  public static final ProcessVariable<String> HALF_YEAR_CONCLUSIONS = ProcessVariable.string("halfYearConclusions");
  public static final ProcessVariable<String> HALF_YEAR_PLAN_CHANGES = ProcessVariable.string("halfYearPlanChanges");

  // yearly report
  public static final ProcessVariable<String> YEARLY_REPORT_SUMMARY = ProcessVariable.string("yearlyReportSummary");
  public static final ProcessVariable<String> PRESENTED_TO_BOARD_ON = ProcessVariable.string("presentedToBoardOn");
  /** Where the report's latest PDF and HTML can be fetched (task-local, set on create). */
  public static final ProcessVariable<String> REPORT_PDF_URL = ProcessVariable.string("reportPdfUrl");
  public static final ProcessVariable<String> REPORT_HTML_URL = ProcessVariable.string("reportHtmlUrl");
  public static final ProcessVariable<String> LESSONS_FOR_NEXT_YEAR = ProcessVariable.string("lessonsForNextYear");

  private YearlyCycleProcess() {
  }
}
