package se.tryggsamverkan.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every mail: planned, sent, failed and why, or not sendable (no address). Its unique key
 * (task, kind, due date, recipient) is what makes each reminder one mail.
 */
@Repository
public class Outbox {

  public enum Status { PENDING, SENT, FAILED, NO_ADDRESS, CANCELLED }

  public record Mail(long id, String tenantId, String taskId, String taskName, String kind, LocalDate dueDate,
      String recipient, String email, Status status, String subject, String bodyText, String bodyHtml, int attempts,
      String lastError, LocalDateTime createdAt, LocalDateTime sentAt, String attachmentIcs) {

    /** A reminder or escalation about an open task; not a summons or an activity notice, which stand alone. */
    public boolean isAboutTask() {
      return !kind.startsWith(MailKind.INVITATION_PREFIX) && !kind.equals(MailKind.activityDelayed().code());
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  Outbox(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /**
   * Records a mail unless the same one was recorded before; returns its id only when it is new and sendable.
   * Runs in a savepoint: when two sweeps race for the same mail, the loser's insert is undone alone.
   */
  @Transactional(propagation = Propagation.NESTED)
  public Optional<Long> record(TaskFacts task, MailKind kind, Recipient to,
      Supplier<MailContent.Rendered> content) {
    return record(task, kind, to, content, null);
  }

  /**
   * As {@link #record(TaskFacts, MailKind, Recipient, Supplier)}, with an iCalendar attachment. The mail is
   * rendered only when it is new: a sweep every five minutes asks again for the reminders of the day.
   */
  @Transactional(propagation = Propagation.NESTED)
  public Optional<Long> record(TaskFacts task, MailKind kind, Recipient to, Supplier<MailContent.Rendered> content,
      String ics) {
    boolean exists = jdbc.sql("select count(*) from mail_outbox where task_id = :task and kind = :kind "
            + "and due_date = :due and recipient = :to")
        .param("task", task.taskId()).param("kind", kind.code()).param("due", task.due().toLocalDate())
        .param("to", to.userId()).query(Integer.class).single() > 0;
    if (exists) {
      return Optional.empty();
    }
    MailContent.Rendered mail = content.get();
    jdbc.sql("""
              insert into mail_outbox (tenant_id, task_id, task_name, kind, due_date, recipient, email, status,
                subject, body_text, body_html, attempts, last_error, created_at, attachment_ics)
              values (:tenant, :task, :name, :kind, :due, :to, :email, :status, :subject, :text, :html, 0, :error, :at,
                :ics)
              """)
          .param("tenant", task.tenantId()).param("task", task.taskId()).param("name", cut(task.name(), 500))
          .param("kind", kind.code()).param("due", task.due().toLocalDate()).param("to", to.userId())
          .param("email", to.email())
          .param("status", (to.hasAddress() ? Status.PENDING : Status.NO_ADDRESS).name())
          .param("subject", cut(mail.subject(), 1000)).param("text", cut(mail.text(), 20000))
          .param("html", cut(mail.html(), 40000))
          .param("error", to.hasAddress() ? null : "Användaren " + to.userId() + " har ingen e-postadress")
          .param("at", Timestamp.from(clock.instant())).param("ics", ics)
          .update();
    return to.hasAddress() ? Optional.of(jdbc.sql("select id from mail_outbox where task_id = :task and kind = :kind "
            + "and due_date = :due and recipient = :to")
        .param("task", task.taskId()).param("kind", kind.code()).param("due", task.due().toLocalDate())
        .param("to", to.userId()).query(Long.class).single()) : Optional.empty();
  }

  public Optional<Mail> find(long id) {
    return jdbc.sql("select * from mail_outbox where id = :id").param("id", id).query(Outbox::map).optional();
  }

  /** The mail, locked until the transaction ends: two jobs holding the same mail cannot both send it. */
  Optional<Mail> lock(long id) {
    return jdbc.sql("select * from mail_outbox where id = :id for update").param("id", id).query(Outbox::map)
        .optional();
  }

  /**
   * Mails recorded outside a sweep that are not sent yet: summonses (when a meeting is set) and "Försenad" notices
   * (when an activity's end passes). The sweep delivers them; the notices were left PENDING for good before.
   */
  List<Long> unsentStandAlone() {
    return jdbc.sql("select id from mail_outbox where (kind like :invitation or kind = :delayed) "
            + "and status in ('PENDING', 'FAILED') order by id")
        .param("invitation", MailKind.INVITATION_PREFIX + "%").param("delayed", MailKind.activityDelayed().code())
        .query(Long.class).list();
  }

  public List<Mail> ofTenant(String tenantId, int limit) {
    return jdbc.sql("select * from mail_outbox where tenant_id = :tenant order by created_at desc, id desc limit :n")
        .param("tenant", tenantId).param("n", limit).query(Outbox::map).list();
  }

  /**
   * Cancels the mails of a meeting's earlier versions that are not sent yet: whoever has not got the first summons
   * gets only the newest one.
   */
  void withdrawUnsent(String meetingUid) {
    jdbc.sql("update mail_outbox set status = 'CANCELLED', last_error = :why "
            + "where task_id like :meeting and status in ('PENDING', 'FAILED')")
        .param("why", "Ersatt av en senare kallelse till samma möte").param("meeting", meetingUid + "#%").update();
  }

  void markSent(long id) {
    jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :at, attempts = attempts + 1, last_error = null "
            + "where id = :id")
        .param("at", Timestamp.from(clock.instant())).param("id", id).update();
  }

  void markCancelled(long id, String why) {
    jdbc.sql("update mail_outbox set status = 'CANCELLED', last_error = :why where id = :id")
        .param("why", why).param("id", id).update();
  }

  void markFailed(long id, String why) {
    jdbc.sql("update mail_outbox set status = 'FAILED', attempts = attempts + 1, last_error = :why where id = :id")
        .param("why", cut(why, 2000)).param("id", id).update();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static Mail map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new Mail(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("task_id"), rs.getString("task_name"),
        rs.getString("kind"), rs.getDate("due_date").toLocalDate(), rs.getString("recipient"), rs.getString("email"),
        Status.valueOf(rs.getString("status")), rs.getString("subject"), rs.getString("body_text"),
        rs.getString("body_html"), rs.getInt("attempts"), rs.getString("last_error"),
        rs.getTimestamp("created_at").toLocalDateTime(), sent == null ? null : sent.toLocalDateTime(),
        rs.getString("attachment_ics"));
  }
}
