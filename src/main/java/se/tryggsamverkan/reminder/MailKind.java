package se.tryggsamverkan.reminder;

/**
 * What a mail is about: a reminder a number of days before the due date, or the n:th escalation of an overdue
 * task. The code is part of the mail's unique key.
 */
public record MailKind(String code, boolean escalation, int number) {

  public static final String INVITATION_PREFIX = "INVITATION_";

  public static MailKind councilMeetingInvitation() {
    return new MailKind(INVITATION_PREFIX + "COUNCIL_MEETING", false, 0);
  }

  public static MailKind steeringMeetingInvitation() {
    return new MailKind(INVITATION_PREFIX + "STEERING_MEETING", false, 0);
  }

  /** An activity passed its end date without being reported finished. */
  public static MailKind activityDelayed() {
    return new MailKind("ACTIVITY_DELAYED", true, 0);
  }

  public static MailKind reminder(int daysBefore) {
    return new MailKind("REMINDER_" + daysBefore, false, daysBefore);
  }

  public static MailKind escalation(int week) {
    return new MailKind("ESCALATION_" + week, true, week);
  }

  public String swedishName() {
    if (escalation && number == 0) {
      return "Försenad aktivitet";
    }
    if (escalation) {
      return number == 1 ? "Försenad uppgift" : "Försenad uppgift, påminnelse " + number;
    }
    return number == 0 ? "Påminnelse: sista dagen i dag" : "Påminnelse: " + number + (number == 1 ? " dag" : " dagar")
        + " kvar";
  }
}
