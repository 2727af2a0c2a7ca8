package se.tryggsamverkan.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings people were summoned to. A meeting keeps its {@code uid} for life; each change of its time or place
 * and its cancellation raise its {@code sequence}, which is what tells a calendar that the newest file wins.
 */
@Repository
public class Meetings {

  public enum Status { PLANNED, CANCELLED }

  /** One meeting as summoned last. */
  public record Meeting(String uid, String agreementId, String tenantId, String about, int round,
      String processInstanceId, LocalDate date, LocalTime time, String place, String matter, int sequence,
      Status status) {

    /** Held (or being held) on or before this day: a new date for the same matter is then a new meeting. */
    public boolean heldBy(LocalDate today) {
      return date.isBefore(today);
    }

    public boolean sameTimeAndPlace(LocalDate otherDate, LocalTime otherTime, String otherPlace) {
      return date.equals(otherDate) && time.equals(otherTime) && place.equals(otherPlace);
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  Meetings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The latest meeting about this matter of the agreement, whatever its state. */
  public Optional<Meeting> latest(String agreementId, String about) {
    return jdbc.sql("select * from meeting where agreement_id = :agreement and about = :about "
            + "order by round desc limit 1")
        .param("agreement", agreementId).param("about", about).query(Meetings::map).optional();
  }

  /**
   * Records a new meeting; a unique key on (agreement, about, round) makes a second node's attempt for the same
   * meeting fail here, in its own savepoint, instead of summoning twice.
   */
  @Transactional(propagation = Propagation.NESTED)
  public Meeting add(String agreementId, String tenantId, String about, int round, String processInstanceId,
      LocalDate date, LocalTime time, String place, String matter) {
    Meeting meeting = new Meeting(UUID.randomUUID() + "@trygg-samverkan", agreementId, tenantId, about, round,
        processInstanceId, date, time, place, matter, 0, Status.PLANNED);
    jdbc.sql("""
            insert into meeting (uid, agreement_id, tenant_id, about, round, process_instance_id, meeting_date,
              meeting_time, place, matter, sequence, status, updated_at)
            values (:uid, :agreement, :tenant, :about, :round, :process, :date, :time, :place, :matter, 0, 'PLANNED',
              :at)
            """)
        .param("uid", meeting.uid()).param("agreement", agreementId).param("tenant", tenantId).param("about", about)
        .param("round", round).param("process", processInstanceId).param("date", date)
        .param("time", time.toString()).param("place", place).param("matter", matter)
        .param("at", Timestamp.from(clock.instant())).update();
    return meeting;
  }

  /**
   * The meeting moved (or was cancelled): its new state with the next sequence number. Empty when another node
   * changed it first (the sequence it read is no longer the stored one).
   */
  public Optional<Meeting> change(Meeting from, LocalDate date, LocalTime time, String place, String matter,
      Status status) {
    int updated = jdbc.sql("""
            update meeting set meeting_date = :date, meeting_time = :time, place = :place, matter = :matter,
              status = :status, sequence = sequence + 1, updated_at = :at
            where uid = :uid and sequence = :sequence
            """)
        .param("date", date).param("time", time.toString()).param("place", place).param("matter", matter)
        .param("status", status.name()).param("at", Timestamp.from(clock.instant()))
        .param("uid", from.uid()).param("sequence", from.sequence()).update();
    return updated == 1
        ? Optional.of(new Meeting(from.uid(), from.agreementId(), from.tenantId(), from.about(), from.round(),
            from.processInstanceId(), date, time, place, matter, from.sequence() + 1, status))
        : Optional.empty();
  }

  /** Planned meetings from this day on: those that can still be cancelled. */
  public List<Meeting> plannedFrom(LocalDate day) {
    return jdbc.sql("select * from meeting where status = 'PLANNED' and meeting_date >= :day order by meeting_date")
        .param("day", day).query(Meetings::map).list();
  }

  private static Meeting map(ResultSet rs, int n) throws SQLException {
    return new Meeting(rs.getString("uid"), rs.getString("agreement_id"), rs.getString("tenant_id"),
        rs.getString("about"), rs.getInt("round"), rs.getString("process_instance_id"),
        rs.getDate("meeting_date").toLocalDate(), LocalTime.parse(rs.getString("meeting_time")),
        rs.getString("place"), rs.getString("matter"), rs.getInt("sequence"), Status.valueOf(rs.getString("status")));
  }
}
