package se.tryggsamverkan.reminder.engine;

import se.tryggsamverkan.engine.ProcessVariable;

/** The reminder sweep: its key, element ids and variables (bpmn/reminderSweep.bpmn). */
public final class ReminderSweepProcess {

  public static final String KEY = "reminderSweep";
  public static final String START_EVENT = "StartEvent_EveryFiveMinutes";
  public static final String TASK_PLAN_REMINDERS = "Task_PlanReminders";
  public static final String TASK_SEND_MAIL = "Task_SendMail";
  public static final String END_EVENT = "EndEvent_MailsSent";

  /** The ids of the mails this sweep recorded, a Json list (a string variable would stop at 4,000 characters). */
  public static final ProcessVariable<String> MAIL_IDS = ProcessVariable.json("mailIds");
  /**
   * The multi-instance element: one batch of mail ids, "1,2,3", as a long text (2,000 ids pass 4,000 characters).
   * Sweeps started before it was one read it as the plain string it was.
   */
  public static final ProcessVariable<String> MAIL_ID = ProcessVariable.longText("mailId");

  private ReminderSweepProcess() {
  }
}
