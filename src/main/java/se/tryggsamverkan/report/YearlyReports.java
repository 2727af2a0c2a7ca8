package se.tryggsamverkan.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import se.tryggsamverkan.documents.PdfPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.followup.HalfYearFollowUp;
import se.tryggsamverkan.followup.PromiseFollowUp;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.PlanChange;
import se.tryggsamverkan.plan.PlanChangeRepository;
import se.tryggsamverkan.plan.PlanRepository;
import se.tryggsamverkan.common.FormLimits;

/**
 * The yearly follow-up report: put together from what the year recorded (situation picture, plan, follow-ups,
 * promises kept, the steering group's conclusions), rendered as HTML and PDF, and archived per municipality and
 * year in versions: drafts while the coordinators write, then the final one.
 */
@Service
public class YearlyReports {

  /** What the coordinators write in the report task; null parts give a draft's placeholders. */
  public record Texts(String situationAnalysis, String summary, LocalDate presentedOn, String lessons) {

    /** The final report's texts as submitted: summary, board date and lessons are required. */
    public static Texts checked(String situationAnalysis, Object summary, Object presentedOn, Object lessons,
        int year) {
      FieldChecks checks = new FieldChecks();
      String summaryText = checks.requiredText("yearlyReportSummary", summary, "Sammanfattning av året",
          FormLimits.max("yearlyFollowUpReport", "yearlyReportSummary"));
      LocalDate board = checks.requiredDate("presentedToBoardOn", presentedOn, "Datum för kommunstyrelsen");
      String lessonsText = checks.requiredText("lessonsForNextYear", lessons, "Lärdomar till nästa års lägesbild",
          FormLimits.max("yearlyFollowUpReport", "lessonsForNextYear"));
      if (board != null && (board.getYear() < year || board.getYear() > year + 1)) {
        checks.fail("presentedToBoardOn", "Datum för kommunstyrelsen " + board + " ska ligga under " + year
            + " eller " + (year + 1));
      }
      checks.throwIfAny();
      return new Texts(situationAnalysis, summaryText, board, lessonsText);
    }
  }

  /** One archived version; {@code pdfBytes} is null until its PDF is first asked for and printed. */
  public record Archived(long id, int version, boolean isFinal, LocalDateTime generatedAt, String generatedBy,
      Integer pdfBytes) {
  }

  private final JdbcClient jdbc;
  private final PlanRepository plans;
  private final ActivityFollowUp activities;
  private final PromiseFollowUp promises;
  private final HalfYearFollowUp steering;
  private final ReportRenderer renderer;
  private final PdfPrinter printer;
  private final Directory directory;

  private final PlanChangeRepository planChanges;

  YearlyReports(JdbcClient jdbc, PlanRepository plans, ActivityFollowUp activities, PromiseFollowUp promises,
      HalfYearFollowUp steering, ReportRenderer renderer, PdfPrinter printer, Directory directory,
      PlanChangeRepository planChanges) {
    this.printer = printer;
    this.planChanges = planChanges;
    this.directory = directory;
    this.jdbc = jdbc;
    this.plans = plans;
    this.activities = activities;
    this.promises = promises;
    this.steering = steering;
    this.renderer = renderer;
  }

  /** The report's content for a year, with statuses and promise progress as of {@code today}. */
  @Transactional(readOnly = true)
  public FollowUpReport build(Agreement agreement, int year, Texts texts, boolean draft, LocalDate today,
      LocalDateTime now) {
    List<String> areaNames = new ArrayList<>(plans.focusAreas(agreement.id(), year));
    Map<String, List<FollowUpReport.ActivityLine>> byArea = new LinkedHashMap<>();
    areaNames.forEach(name -> byArea.put(name, new ArrayList<>()));
    for (ActivityFollowUp.State state : activities.states(agreement.id(), year, today)) {
      Activity a = state.planned().activity();
      byArea.computeIfAbsent(a.focusArea(), name -> new ArrayList<>()).add(new FollowUpReport.ActivityLine(
          a.description(), a.responsibleParty().swedishName() + " (" + directory.displayName(a.responsiblePerson())
              + ")", a.start(),
          a.end(), state.status(), state.latest().map(ActivityFollowUp.Report::comment).orElse(null),
          state.latest().map(ActivityFollowUp.Report::reportedOn).orElse(null),
          stopShown(state).map(ActivityFollowUp.Stop::on).orElse(null),
          stopShown(state).map(ActivityFollowUp.Stop::reason).orElse(null)));
    }
    List<PlanRepository.ProblemRow> problems = plans.problems(agreement.id(), year);
    List<FollowUpReport.FocusAreaSection> sections = byArea.entrySet().stream()
        .map(e -> new FollowUpReport.FocusAreaSection(e.getKey(), problems.stream()
            .filter(p -> e.getKey().equals(p.focusArea())).map(PlanRepository.ProblemRow::title).toList(),
            e.getValue()))
        .toList();
    List<FollowUpReport.Figure> figures = plans.situationEntries(agreement.id(), year).stream()
        .filter(e -> e.entry().figure() != null)
        .map(e -> new FollowUpReport.Figure(e.entry().source().swedishName(), e.party().swedishName(),
            e.entry().description(), e.entry().figure(), e.entry().unit()))
        .toList();
    List<FollowUpReport.PromiseLine> promiseLines = promises.statuses(agreement, year, today).stream()
        .map(p -> new FollowUpReport.PromiseLine(p.promise().text(), p.promise().party().swedishName(),
            p.promise().target() == null ? null : p.promise().target().swedish(), p.occurrences(),
            p.progress() == null ? 0 : p.progress().expectedSoFar(),
            p.progress() == null ? null : p.progress().verdict().swedishName()))
        .toList();
    List<FollowUpReport.SteeringFollowUp> followUps = steering.records(agreement.id(), year).stream()
        .map(r -> new FollowUpReport.SteeringFollowUp(r.heldOn(), r.conclusions(), r.planChanges())).toList();
    return new FollowUpReport(agreement.municipality(), agreement.policeArea(), year, texts.presentedOn(), draft,
        introduction(agreement, year, areaNames), texts.summary(), texts.situationAnalysis(), figures, sections,
        promiseLines, followUps, texts.lessons(), now, planChanges.ofYear(agreement.id(), year).stream()
            .map(c -> new FollowUpReport.PlanChangeLine(c.number(), c.proposedAt().toLocalDate(),
                c.status().swedishName(),
                // a lapsed change was never decided: the day it lapsed is not a decision's
                c.decidedAt() == null || c.status() == PlanChange.Status.LAPSED ? null : c.decidedAt().toLocalDate(),
                c.deciders().swedishName(), c.reason(), c.rows().stream().map(r -> r.swedish(directory::displayName)).toList(),
                c.decisions().stream().map(d -> new FollowUpReport.PartyDecision(d.party().swedishName(),
                    d.approves(), d.comment())).toList()))
            .toList());
  }

  /**
   * Archives a new version as XHTML and returns it. No PDF is printed here: this runs inside the task's completion or
   * the timer job that drafts the report, and printing is the slowest thing the product does (issue 18). The PDF is
   * printed from this XHTML when it is first asked for ({@link #pdf}).
   */
  @Transactional
  public Archived archive(Agreement agreement, int year, FollowUpReport report, String taskId, String generatedBy) {
    String html = renderer.html(report);
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from yearly_report where agreement_id = :a "
            + "and cycle_year = :y").param("a", agreement.id()).param("y", year).query(Integer.class).single();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into yearly_report (agreement_id, cycle_year, version, final, html, generated_by, "
            + "generated_at, task_id) values (:a, :y, :v, :final, :html, :by, :at, :task)")
        .param("a", agreement.id()).param("y", year).param("v", version).param("final", !report.draft())
        .param("html", html).param("by", generatedBy)
        .param("at", Timestamp.valueOf(report.generatedAt())).param("task", taskId).update(key, "id");
    return new Archived(key.getKey().longValue(), version, !report.draft(), report.generatedAt(), generatedBy, null);
  }

  @Transactional(readOnly = true)
  public List<Archived> versions(String agreementId, int year) {
    return jdbc.sql("select id, version, final, generated_at, generated_by, length(pdf) from yearly_report "
            + "where agreement_id = :a and cycle_year = :y order by version")
        .param("a", agreementId).param("y", year)
        .query((rs, n) -> new Archived(rs.getLong(1), rs.getInt(2), rs.getBoolean(3),
            rs.getTimestamp(4).toLocalDateTime(), rs.getString(5), (Integer) rs.getObject(6, Integer.class)))
        .list();
  }

  /**
   * The PDF of a version, or of the latest when {@code version} is null: printed from the archived XHTML the first
   * time and kept, so a version is printed once. Not in a transaction: printing holds no connection.
   */
  public Optional<byte[]> pdf(String agreementId, int year, Integer version) {
    Optional<byte[]> kept = content("pdf", agreementId, year, version).map(rs -> (byte[]) rs);
    if (kept.isPresent()) {
      return kept;
    }
    record Unprinted(long id, int version, String html) {
    }
    String which = version == null ? "(select max(version) from yearly_report where agreement_id = :a "
        + "and cycle_year = :y)" : ":v";
    Optional<Unprinted> unprinted = jdbc.sql("select id, version, html from yearly_report where agreement_id = :a "
            + "and cycle_year = :y and version = " + which)
        .param("a", agreementId).param("y", year).param("v", version == null ? 0 : version)
        .query((rs, n) -> new Unprinted(rs.getLong(1), rs.getInt(2), rs.getString(3))).optional();
    return unprinted.map(u -> {
      byte[] pdf = printer.print(u.html(), "version " + u.version() + " of the follow-up report " + agreementId + " "
          + year);
      // two readers printing at once both keep the same document; the first one written stays
      jdbc.sql("update yearly_report set pdf = :pdf where id = :id and pdf is null").param("pdf", pdf)
          .param("id", u.id()).update();
      return pdf;
    });
  }

  @Transactional(readOnly = true)
  public Optional<String> html(String agreementId, int year, Integer version) {
    return content("html", agreementId, year, version).map(Object::toString);
  }

  /** The column of the version; empty when there is no such version or the column is null. */
  private Optional<Object> content(String column, String agreementId, int year, Integer version) {
    String which = version == null ? "(select max(version) from yearly_report where agreement_id = :a "
        + "and cycle_year = :y)" : ":v";
    return jdbc.sql("select " + column + " from yearly_report where agreement_id = :a and cycle_year = :y "
            + "and version = " + which)
        .param("a", agreementId).param("y", year).param("v", version == null ? 0 : version)
        .query((rs, n) -> Optional.ofNullable("pdf".equals(column) ? (Object) rs.getBytes(1) : rs.getString(1)))
        .optional().flatMap(o -> o);
  }

  /** "2023–2026", or "2020" for an agreement of one year (it read "2020–2020"). */
  /** The stop the report shows: only where the status is "Stoppad" (a finished activity stays finished). */
  private static Optional<ActivityFollowUp.Stop> stopShown(ActivityFollowUp.State state) {
    return state.status() == ActivityStatus.STOPPED ? state.planned().stop() : Optional.empty();
  }

  static String years(Agreement agreement) {
    int first = agreement.periodStart().getYear();
    int last = agreement.periodEnd().getYear();
    return first == last ? String.valueOf(first) : first + "–" + last;
  }

  private static String introduction(Agreement agreement, int year, List<String> areas) {
    return agreement.municipality() + " och polisen i " + agreement.policeArea() + " samverkar mot brott och för "
        + "ökad trygghet enligt samverkansöverenskommelsen " + years(agreement) + ". Parterna kartlägger varje år den lokala lägesbilden, analyserar "
        + "orsaker, beslutar en åtgärdsplan med medborgarlöften och följer upp den.\n\n"
        + "Den här rapporten följer upp planen för " + year + (areas.isEmpty() ? "." : " inom fokusområdena "
        + String.join(", ", areas) + ".") + " Varje aktivitet redovisas med sin status och de ansvarigas "
        + "kommentar, och varje medborgarlöfte med hur det har hållits.";
  }
}
