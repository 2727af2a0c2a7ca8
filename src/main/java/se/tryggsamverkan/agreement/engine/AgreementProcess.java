package se.tryggsamverkan.agreement.engine;

import se.tryggsamverkan.engine.ProcessVariable;

/** The collaboration-agreement process: its key, element ids and variables (bpmn/collaborationAgreement.bpmn). */
public final class AgreementProcess {

  public static final String KEY = "collaborationAgreement";

  public static final String START_EVENT = "StartEvent_AgreementSigned";
  public static final String TASK_REGISTER_AGREEMENT = "Task_RegisterAgreement";
  public static final String CALL_YEARLY_CYCLE = "CallActivity_YearlyCycle";
  public static final String TASK_POLICE_EVALUATION = "Task_PoliceEvaluation";
  public static final String TASK_MUNICIPAL_EVALUATION = "Task_MunicipalEvaluation";
  public static final String END_EVENT = "EndEvent_AgreementEnded";

  // start form
  public static final ProcessVariable<String> TENANT_ID = ProcessVariable.string("tenantId");
  public static final ProcessVariable<String> MUNICIPALITY = ProcessVariable.string("municipality");
  public static final ProcessVariable<String> POLICE_AREA = ProcessVariable.string("policeArea");
  public static final ProcessVariable<String> PERIOD_START = ProcessVariable.string("periodStart");
  public static final ProcessVariable<String> PERIOD_END = ProcessVariable.string("periodEnd");
  public static final ProcessVariable<String> POLICE_COORDINATOR = ProcessVariable.string("policeCoordinator");
  public static final ProcessVariable<String> MUNICIPAL_COORDINATOR = ProcessVariable.string("municipalCoordinator");
  public static final ProcessVariable<String> POLICE_STEERING_MEMBER = ProcessVariable.string("policeSteeringMember");
  public static final ProcessVariable<String> MUNICIPAL_STEERING_MEMBER =
      ProcessVariable.string("municipalSteeringMember");
  public static final ProcessVariable<String> FIRST_CHAIR = ProcessVariable.string("firstChair");
  /** Optional JSON object phase -> deadline ("MM-DD" or "+N:MM-DD"), e.g. {"ACTION_PLAN": "10-15"}. */
  public static final ProcessVariable<String> DEADLINES = ProcessVariable.json("deadlineOverrides");
  /** Optional: the local council meets this day of every month, at this time and place. */
  public static final ProcessVariable<String> COUNCIL_DAY_OF_MONTH = ProcessVariable.string("councilDayOfMonth");
  public static final ProcessVariable<String> COUNCIL_TIME = ProcessVariable.string("councilTime");
  public static final ProcessVariable<String> COUNCIL_PLACE = ProcessVariable.string("councilPlace");
  /** A checkbox of the start form: the coordinators may decide small plan changes themselves. */
  public static final ProcessVariable<String> SMALL_CHANGES_BY_COORDINATORS =
      ProcessVariable.string("smallChangesByCoordinators");
  public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.string("registeredBy");

  // set by the process
  public static final ProcessVariable<String> AGREEMENT_ID = ProcessVariable.string("agreementId");
  /** The multi-instance element variable: the calendar year of one cycle. */
  public static final ProcessVariable<Integer> YEAR = ProcessVariable.integer("year");

  // evaluation and renewal
  public static final ProcessVariable<String> POLICE_EVALUATION = ProcessVariable.string("policeEvaluation");
  public static final ProcessVariable<String> MUNICIPAL_EVALUATION = ProcessVariable.string("municipalEvaluation");

  private AgreementProcess() {
  }
}
