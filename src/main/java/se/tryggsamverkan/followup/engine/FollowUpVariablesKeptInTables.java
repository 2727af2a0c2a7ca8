package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.util.Set;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.engine.VariablesKeptInTables;

/**
 * The follow-up's answers (stored by {@code RecordActivityFollowUpListener} in {@code activity_report} and
 * {@code promise_occurrence}, with the reporter and the day) and the half-year task's compiled tables (made from
 * those rows): no engine history for them (ADR 12).
 */
@Component
class FollowUpVariablesKeptInTables implements VariablesKeptInTables {

  @Override
  public Set<String> names() {
    return Set.of(ACTIVITY_STATUS.name(), STATUS_COMMENT.name(), PROMISE_OCCURRENCES.name(),
        ACTIVITY_STATUS_ROWS.name(), PROMISE_STATUS_ROWS.name(), STATUS_COMPILED_ON.name());
  }
}
