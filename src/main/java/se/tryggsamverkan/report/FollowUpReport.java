package se.tryggsamverkan.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import se.tryggsamverkan.followup.ActivityStatus;

/**
 * The yearly follow-up report to the municipal executive board, shaped like Kungälv's "Uppföljning 2023 Trygg i
 * Kungälv": title page, contents, introduction, summary, situation analysis with figures, then per focus area the
 * interventions and each activity's status and comment, then the citizen promises and how they were kept.
 * Everything in it is plain text as users typed it; the report template escapes it.
 *
 * @param presentedOn the board meeting it goes to; null while not yet decided
 * @param draft true until the coordinators have completed the report task
 * @param summary null in a draft the coordinators have not summarised yet
 */
public record FollowUpReport(
    String municipality,
    String policeArea,
    int year,
    LocalDate presentedOn,
    boolean draft,
    String introduction,
    String summary,
    String situationAnalysis,
    List<Figure> figures,
    List<FocusAreaSection> focusAreas,
    List<PromiseLine> promises,
    List<SteeringFollowUp> steeringFollowUps,
    String lessons,
    LocalDateTime generatedAt,
    List<PlanChangeLine> planChanges) {

  /** A report of a year whose plan was not changed. */
  public FollowUpReport(String municipality, String policeArea, int year, LocalDate presentedOn, boolean draft,
      String introduction, String summary, String situationAnalysis, List<Figure> figures,
      List<FocusAreaSection> focusAreas, List<PromiseLine> promises, List<SteeringFollowUp> steeringFollowUps,
      String lessons, LocalDateTime generatedAt) {
    this(municipality, policeArea, year, presentedOn, draft, introduction, summary, situationAnalysis, figures,
        focusAreas, promises, steeringFollowUps, lessons, generatedAt, List.of());
  }

  /**
   * A change proposed to the plan during the year (issue 15), whatever became of it.
   *
   * @param status "Godkänd", "Återremitterad", ... ({@code PlanChange.Status})
   * @param decidedOn null while it waits
   * @param deciders "Styrgruppen" or "Samordnarna"
   * @param rows each row in Swedish, against the plan as approved when it was proposed
   */
  public record PlanChangeLine(int number, LocalDate proposedOn, String status, LocalDate decidedOn, String deciders,
      String reason, List<String> rows, List<PartyDecision> decisions) {
  }

  /** One party's position on a change. */
  public record PartyDecision(String party, boolean approves, String comment) {
  }

  /** A figure from the situation picture (the chart and the table of the situation analysis). */
  public record Figure(String source, String party, String description, BigDecimal value, String unit) {
  }

  /** A focus area (delområde) with its interventions (the prioritised problems) and its activities. */
  public record FocusAreaSection(String name, List<String> interventions, List<ActivityLine> activities) {
  }

  /**
   * An activity with its status on the report's day and the owner's latest comment.
   *
   * @param comment null when the owner has not reported yet
   * @param reportedOn null when the owner has not reported yet
   * @param stoppedOn the day an approved change stopped it, when its status is "Stoppad"; else null
   * @param stopReason why it was stopped, when its status is "Stoppad"; else null
   */
  public record ActivityLine(String description, String responsible, LocalDate start, LocalDate end,
      ActivityStatus status, String comment, LocalDate reportedOn, LocalDate stoppedOn, String stopReason) {

    /** An activity that was not stopped. */
    public ActivityLine(String description, String responsible, LocalDate start, LocalDate end,
        ActivityStatus status, String comment, LocalDate reportedOn) {
      this(description, responsible, start, end, status, comment, reportedOn, null, null);
    }
  }

  /**
   * A citizen promise and how it was kept.
   *
   * @param target the measurable target in Swedish ("minst 1 per vecka"), or null when it has none
   * @param verdict "Hållet", "I fas", ...; null when the promise has no measurable target
   * @param expectedSoFar how many times the target asked for in the periods that have ended; 0 without a target
   */
  public record PromiseLine(String text, String party, String target, List<LocalDate> occurrences,
      int expectedSoFar, String verdict) {
  }

  /** What the steering group concluded at a follow-up, and what it changed in the plan. */
  public record SteeringFollowUp(LocalDate heldOn, String conclusions, String planChanges) {
  }
}
