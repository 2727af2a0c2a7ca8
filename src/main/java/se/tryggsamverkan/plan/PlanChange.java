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
    LocalDateTime proposedAt, Status status, Deciders deciders, LocalDateTime decidedAt, List<Row> rows,
    List<Decision> decisions) {

  /** The number and date as people refer to a change: "Ändring 2 (2027-03-04)". */
  public String title() {
    return "Ändring " + number + " (" + proposedAt.toLocalDate() + ")";
  }

  public enum Status {
    PROPOSED("Föreslagen"), APPROVED("Godkänd"), RETURNED("Återremitterad"),
    /** Still waiting for a decision when the implementation year ended: it changed nothing. */
    LAPSED("Inte beslutad före årets slut");

    private final String swedishName;

    Status(String swedishName) {
      this.swedishName = swedishName;
    }

    public String swedishName() {
      return swedishName;
    }
  }

  /**
   * Who decides a change: the steering group, as the plan itself; or the coordinators, when the agreement lets them
   * decide small changes and every row of this one is small ({@link Kind#small()}).
   */
  public enum Deciders {
    STEERING_GROUP("Styrgruppen"), COORDINATORS("Samordnarna");

    private final String swedishName;

    Deciders(String swedishName) {
      this.swedishName = swedishName;
    }

    public String swedishName() {
      return swedishName;
    }
  }

  public enum Kind {
    ADD(false), STOP(false), MOVE(true), REASSIGN(true), REVISE(true),
    /** A new citizen promise: public, so never small. */
    ADD_PROMISE(false),
    /** A promise's new measurable target ("a promise is sharpened"): public, so never small. */
    RETARGET_PROMISE(false);

    private final boolean small;

    Kind(boolean small) {
      this.small = small;
    }

    /** New dates, a new owner, new indicators or interval: the plan's content and scope stay as decided. */
    public boolean small() {
      return small;
    }
  }

  /**
   * One row: what happens to which activity. {@code activityId} is empty for an addition until it is approved;
   * {@code before} is the activity's description when the change was proposed, so the row still reads right later.
   */
  public record Row(Kind kind, Long activityId, String before, LocalDate newStart, LocalDate newEnd,
      String newPerson, String newIndicators, FollowUpInterval newInterval, Activity added, Long promiseId,
      CitizenPromise promise) {

    public static Row add(Activity activity) {
      return new Row(Kind.ADD, null, null, null, null, null, null, null, activity, null, null);
    }

    public static Row stop(long activityId) {
      return new Row(Kind.STOP, activityId, null, null, null, null, null, null, null, null, null);
    }

    public static Row move(long activityId, LocalDate start, LocalDate end) {
      return new Row(Kind.MOVE, activityId, null, start, end, null, null, null, null, null, null);
    }

    public static Row reassign(long activityId, String person) {
      return new Row(Kind.REASSIGN, activityId, null, null, null, person, null, null, null, null, null);
    }

    /** New indicators, a new follow-up interval, or both (null keeps the approved one). */
    public static Row revise(long activityId, String indicators, FollowUpInterval interval) {
      return new Row(Kind.REVISE, activityId, null, null, null, null, indicators, interval, null, null, null);
    }

    public static Row addPromise(CitizenPromise promise) {
      return new Row(Kind.ADD_PROMISE, null, null, null, null, null, null, null, null, null, promise);
    }

    /** The promise (a citizen_promise row of the approved plan) gets this measurable target. */
    public static Row retargetPromise(long promiseId, PromiseTarget target) {
      return new Row(Kind.RETARGET_PROMISE, null, null, null, null, null, null, null, null, promiseId,
          new CitizenPromise(null, null, target));
    }

    Row withBefore(String description) {
      return new Row(kind, activityId, description, newStart, newEnd, newPerson, newIndicators, newInterval, added,
          promiseId, promise);
    }

    /** What the row does to its activity, in a few words ("nya datum 2027-04-01–2027-10-31"). */
    public String shortSwedish() {
      return switch (kind) {
        case ADD -> "Tillagd";
        case STOP -> "Stoppad";
        case MOVE -> "Nya datum " + newStart + "–" + newEnd;
        case REASSIGN -> "Ny ansvarig";
        case REVISE -> "Ny uppföljning";
        case ADD_PROMISE -> "Nytt löfte";
        case RETARGET_PROMISE -> "Nytt mål";
      };
    }

    /** The row in Swedish, as the steering group reads it against the approved plan. */
    public String swedish() {
      return swedish(userId -> userId);
    }

    /** The row in Swedish with each person named as {@code names} names them (a user's name for an id). */
    public String swedish(java.util.function.UnaryOperator<String> names) {
      return switch (kind) {
        case ADD -> "Ny aktivitet: " + added.description() + " (" + added.start() + "–" + added.end() + ", "
            + names.apply(added.responsiblePerson()) + ")";
        case STOP -> "Stoppas: " + before;
        case MOVE -> "Nya datum: " + before + " (" + newStart + "–" + newEnd + ")";
        case REASSIGN -> "Ny ansvarig: " + before + " (" + names.apply(newPerson) + ")";
        case REVISE -> "Ny uppföljning: " + before + " ("
            + (newIndicators == null ? "" : "indikatorer: " + newIndicators)
            + (newIndicators != null && newInterval != null ? "; " : "")
            + (newInterval == null ? "" : "intervall: " + newInterval.swedishName().toLowerCase(java.util.Locale.ROOT))
            + ")";
        case ADD_PROMISE -> "Nytt medborgarlöfte: " + promise.text() + " (" + promise.party().swedishName()
            + (promise.target() == null ? "" : ", " + promise.target().swedish()) + ")";
        case RETARGET_PROMISE -> "Nytt mål för medborgarlöftet: " + before + " (" + promise.target().swedish() + ")";
      };
    }
  }

  /** One party's steering-group member's position. */
  public record Decision(Party party, boolean approves, String comment, String decidedBy, LocalDateTime decidedAt) {
  }
}
