package se.tryggsamverkan.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import se.tryggsamverkan.agreement.Party;

/**
 * A change to the approved plan proposed during the implementation year, row by row, and the steering group's
 * decision on it. Approved by both parties, it is applied to the running year; returned by either, it is kept as
 * returned and nothing changes.
 */
public record PlanChange(long id, String agreementId, int year, int number, String reason, String proposedBy,
    LocalDateTime proposedAt, Status status, LocalDateTime decidedAt, List<Row> rows, List<Decision> decisions) {

  public enum Status {
    PROPOSED("Föreslagen"), APPROVED("Godkänd"), RETURNED("Återremitterad");

    private final String swedishName;

    Status(String swedishName) {
      this.swedishName = swedishName;
    }

    public String swedishName() {
      return swedishName;
    }
  }

  public enum Kind { ADD, STOP, MOVE, REASSIGN }

  /**
   * One row: what happens to which activity. {@code activityId} is empty for an addition until it is approved;
   * {@code before} is the activity's description when the change was proposed, so the row still reads right later.
   */
  public record Row(Kind kind, Long activityId, String before, LocalDate newStart, LocalDate newEnd,
      String newPerson, Activity added) {

    public static Row add(Activity activity) {
      return new Row(Kind.ADD, null, null, null, null, null, activity);
    }

    public static Row stop(long activityId) {
      return new Row(Kind.STOP, activityId, null, null, null, null, null);
    }

    public static Row move(long activityId, LocalDate start, LocalDate end) {
      return new Row(Kind.MOVE, activityId, null, start, end, null, null);
    }

    public static Row reassign(long activityId, String person) {
      return new Row(Kind.REASSIGN, activityId, null, null, null, person, null);
    }

    /** The row in Swedish, as the steering group reads it against the approved plan. */
    public String swedish() {
      return switch (kind) {
        case ADD -> "Ny aktivitet: " + added.description() + " (" + added.start() + "–" + added.end() + ", "
            + added.responsiblePerson() + ")";
        case STOP -> "Stoppas: " + before;
        case MOVE -> "Nya datum: " + before + " (" + newStart + "–" + newEnd + ")";
        case REASSIGN -> "Ny ansvarig: " + before + " (" + newPerson + ")";
      };
    }
  }

  /** One party's steering-group member's position. */
  public record Decision(Party party, boolean approves, String comment, String decidedBy, LocalDateTime decidedAt) {
  }
}
