package se.tryggsamverkan.cycle;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a cycle produces that outlives the process instance: cause analyses and lessons. */
@Repository
public class CycleRecords {

  private final JdbcClient jdbc;
  private final Clock clock;

  CycleRecords(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public void saveCauseAnalysis(CauseAnalysis analysis, String taskId, String recordedBy) {
    jdbc.sql("""
            insert into cause_analysis (agreement_id, cycle_year, problem, causes, knowledge_sources, task_id,
              recorded_by, recorded_at)
            values (:agreement, :year, :problem, :causes, :sources, :task, :by, :at)
            """)
        .param("agreement", analysis.agreementId()).param("year", analysis.cycleYear())
        .param("problem", analysis.problem()).param("causes", analysis.causes())
        .param("sources", analysis.knowledgeSources()).param("task", taskId).param("by", recordedBy)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  public List<CauseAnalysis> causeAnalyses(String agreementId, int cycleYear) {
    return jdbc.sql("""
            select agreement_id, cycle_year, problem, causes, knowledge_sources from cause_analysis
            where agreement_id = :agreement and cycle_year = :year order by id
            """)
        .param("agreement", agreementId).param("year", cycleYear)
        .query((rs, n) -> new CauseAnalysis(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5)))
        .list();
  }

  /** Stores a year's lessons; handing them over twice (a retried job) keeps the last text. */
  public void saveLessons(String agreementId, int cycleYear, String lessons) {
    int updated = jdbc.sql("update cycle_lesson set lessons = :lessons, recorded_at = :at "
            + "where agreement_id = :agreement and cycle_year = :year")
        .param("lessons", lessons).param("at", Timestamp.from(clock.instant()))
        .param("agreement", agreementId).param("year", cycleYear)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into cycle_lesson (agreement_id, cycle_year, lessons, recorded_at) "
              + "values (:agreement, :year, :lessons, :at)")
          .param("agreement", agreementId).param("year", cycleYear).param("lessons", lessons)
          .param("at", Timestamp.from(clock.instant()))
          .update();
    }
  }

  /** The most recent lessons handed over by an earlier cycle of this or an earlier agreement of the municipality. */
  public Optional<Lessons> latestLessonsBefore(String agreementId, int cycleYear) {
    return jdbc.sql("""
            select cycle_year, lessons from cycle_lesson
            where agreement_id in (select id from agreement
                                   where tenant_id = (select tenant_id from agreement where id = :agreement))
              and cycle_year < :year
            order by cycle_year desc, case when agreement_id = :agreement then 0 else 1 end
            limit 1
            """)
        .param("agreement", agreementId).param("year", cycleYear)
        .query((rs, n) -> new Lessons(rs.getInt(1), rs.getString(2)))
        .optional();
  }

  public record Lessons(int fromCycleYear, String text) {
  }
}
