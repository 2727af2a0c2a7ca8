package se.tryggsamverkan.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The record of every mail: planned, sent, failed and why, or not sendable (no address). Its unique key
 * (task, kind, due date, recipient) is what makes each reminder one mail.
 */
@Repository
public class Outbox {

  public enum Status {
    PENDING, SENT, FAILED, NO_ADDRESS, CANCELLED;

    boolean unsent() {
      return this == PENDING || this == FAILED;
    }
  }

  /**
   * "Still unsent" for statements that pick mails by id. Said as what the status is not: a sweep has just inserted
   * its mails, the table's statistics do not know them yet, and {@code status in ('PENDING', 'FAILED')} made
   * PostgreSQL read every unsent mail through the status index for each batch (17 ms per 500 of 7,000, against
   * under 2 ms through the primary key). A condition without an index leaves the primary key as the way in.
   */
  private static final String STILL_UNSENT = Arrays.stream(Status.values()).filter(s -> !s.unsent())
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "status not in (", ")"));

  public record Mail(long id, String tenantId, String taskId, String taskName, String kind, LocalDate dueDate,
      String recipient, String email, Status status, String subject, String bodyText, String bodyHtml, int attempts,
      String lastError, LocalDateTime createdAt, LocalDateTime sentAt, String attachmentIcs) {

    /** A reminder or escalation about an open task; not a summons or an activity notice, which stand alone. */
    public boolean isAboutTask() {
      return new Unsent(id, taskId, kind).isAboutTask();
    }
  }

  /** A mail a sweep calls for, with its calendar file if any; rendered only if it was not recorded before. */
  public record Planned(TaskFacts task, MailKind kind, Recipient to, Supplier<MailContent.Rendered> content,
      String ics) {

    public Planned(TaskFacts task, MailKind kind, Recipient to, Supplier<MailContent.Rendered> content) {
      this(task, kind, to, content, null);
    }

    /**
     * One mail per recipient, all with the same content: the letter is rendered once, when the first of them that
     * is new needs it, and each copy adds only its recipient's greeting.
     */
    public static List<Planned> toEach(TaskFacts task, MailKind kind, List<Recipient> recipients,
        Supplier<MailContent.Letter> letter, String ics) {
      Supplier<MailContent.Letter> once = SingletonSupplier.of(letter);
      return recipients.stream().map(to -> new Planned(task, kind, to, () -> once.get().to(to), ics)).toList();
    }

    Key key() {
      return new Key(task.taskId(), kind.code(), task.due().toLocalDate(), to.userId());
    }
  }

  /** The outbox's unique key: one mail per task, kind, due date and recipient. */
  record Key(String taskId, String kind, LocalDate due, String recipient) {
  }

  /** Rows per insert statement when recording many mails at once. */
  static final int ROWS_PER_INSERT = 200;
  private static final int IDS_PER_QUERY = 500;
  private static final String COLUMNS = "tenant_id, task_id, task_name, kind, due_date, recipient, email, status, "
      + "subject, body_text, body_html, attempts, last_error, created_at, attachment_ics";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate savepoint;
  private final boolean postgres;

  Outbox(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, DataSource dataSource) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.postgres = isPostgres(dataSource);
  }

  /**
   * Records the mails of one sweep that were not recorded before; returns the ids of the new, sendable ones. Asks
   * which keys exist once per 500 tasks and renders only the new mails. On PostgreSQL they are inserted 200 rows
   * per statement with {@code on conflict do nothing}: a mail another sweep recorded meanwhile is skipped, not an
   * error. Elsewhere (the embedded default's H2) each mail is inserted in a savepoint of its own, as before.
   */
  public List<Long> recordAll(List<Planned> mails) {
    Set<Key> recorded = existing(mails.stream().map(m -> m.task().taskId()).distinct().toList());
    Map<Key, Planned> fresh = new LinkedHashMap<>();
    for (Planned mail : mails) {
      if (!recorded.contains(mail.key())) {
        fresh.putIfAbsent(mail.key(), mail);
      }
    }
    List<Planned> toInsert = new ArrayList<>(fresh.values());
    // rendering is pure (templates and messages, no database), the largest part of a big sweep: on every core
    List<MailContent.Rendered> rendered = toInsert.parallelStream().map(mail -> mail.content().get()).toList();
    List<Long> sendable = new ArrayList<>();
    if (!postgres) {
      for (int i = 0; i < toInsert.size(); i++) {
        Planned mail = toInsert.get(i);
        MailContent.Rendered text = rendered.get(i);
        try {
          savepoint.executeWithoutResult(status -> insertOne(mail.task(), mail.kind(), mail.to(), text, mail.ics())
              .ifPresent(sendable::add));
        } catch (DuplicateKeyException anotherSweepWasFirst) {
          // the other sweep recorded (and will send) this mail
        }
      }
      return sendable;
    }
    for (int from = 0; from < toInsert.size(); from += ROWS_PER_INSERT) {
      List<Planned> chunk = toInsert.subList(from, Math.min(toInsert.size(), from + ROWS_PER_INSERT));
      StringBuilder sql = new StringBuilder("insert into mail_outbox (" + COLUMNS + ") values ");
      List<Object> args = new ArrayList<>();
      Timestamp at = Timestamp.from(clock.instant());
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
        Planned mail = chunk.get(i);
        args.addAll(values(mail.task(), mail.kind(), mail.to(), rendered.get(from + i), at, mail.ics()));
      }
      sql.append(" on conflict do nothing returning id, status");
      jdbc.sql(sql.toString()).params(args).query((rs, n) -> rs.getString("status").equals(Status.PENDING.name())
          ? rs.getLong("id") : null).list().stream().filter(java.util.Objects::nonNull).forEach(sendable::add);
    }
    return sendable;
  }

  /** Which of these mails' keys the outbox has, for the given tasks. */
  private Set<Key> existing(List<String> taskIds) {
    Set<Key> keys = new HashSet<>();
    for (int from = 0; from < taskIds.size(); from += IDS_PER_QUERY) {
      jdbc.sql("select task_id, kind, due_date, recipient from mail_outbox where task_id in (:ids)")
          .param("ids", taskIds.subList(from, Math.min(taskIds.size(), from + IDS_PER_QUERY)))
          .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)))
          .list().forEach(keys::add);
    }
    return keys;
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
          .contains("postgres");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not tell which database the outbox is in", e);
    }
  }

  /** Inserts one mail; its id when it is sendable. */
  private Optional<Long> insertOne(TaskFacts task, MailKind kind, Recipient to, MailContent.Rendered mail,
      String ics) {
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql("insert into mail_outbox (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
        .params(values(task, kind, to, mail, Timestamp.from(clock.instant()), ics)).update(id, "id");
    return to.hasAddress() ? Optional.of(id.getKey().longValue()) : Optional.empty();
  }

  /** A row's values in the order of {@link #COLUMNS}, without {@code attempts}. */
  private static List<Object> values(TaskFacts task, MailKind kind, Recipient to, MailContent.Rendered mail,
      Timestamp at, String ics) {
    return java.util.Arrays.asList(task.tenantId(), task.taskId(), cut(task.name(), 500), kind.code(),
        java.sql.Date.valueOf(task.due().toLocalDate()), to.userId(), to.email(),
        (to.hasAddress() ? Status.PENDING : Status.NO_ADDRESS).name(), cut(mail.subject(), 1000),
        cut(mail.text(), 20000), cut(mail.html(), 40000),
        to.hasAddress() ? null : "Användaren " + to.userId() + " har ingen e-postadress", at, ics);
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

  /** An unsent mail's key fields, without its text. */
  record Unsent(long id, String taskId, String kind) {

    boolean isAboutTask() {
      return !kind.startsWith(MailKind.INVITATION_PREFIX) && !kind.equals(MailKind.activityDelayed().code());
    }
  }

  /**
   * The unsent of these mails (not their text), read without a lock: whoever marks them afterwards
   * ({@link #markAllSent}, {@link #markAllCancelled}) marks only what is still unsent when the update runs.
   */
  List<Unsent> unsent(List<Long> ids) {
    return ids.isEmpty() ? List.of() : jdbc.sql("select id, task_id, kind from mail_outbox where id in (:ids) "
            + "and " + STILL_UNSENT)
        .param("ids", ids).query((rs, n) -> new Unsent(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
  }

  /** The tasks these mails are about. */
  Set<String> taskIdsOf(List<Long> ids) {
    return ids.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql("select distinct task_id from mail_outbox where id in (:ids)")
        .param("ids", ids).query(String.class).list());
  }

  /**
   * Marks these mails sent, those that are still unsent: a row another job marked first is left as it is (its
   * update waits for that job's commit, then no longer matches). Returns how many were marked.
   */
  int markAllSent(List<Long> ids) {
    return ids.isEmpty() ? 0 : jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :at, "
            + "attempts = attempts + 1, last_error = null where id in (:ids) and " + STILL_UNSENT)
        .param("at", Timestamp.from(clock.instant())).param("ids", ids).update();
  }

  /** Cancels these mails, those that are still unsent, with the reason; returns how many were cancelled. */
  int markAllCancelled(List<Long> ids, String why) {
    return ids.isEmpty() ? 0 : jdbc.sql("update mail_outbox set status = 'CANCELLED', last_error = :why "
            + "where id in (:ids) and " + STILL_UNSENT)
        .param("why", why).param("ids", ids).update();
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
