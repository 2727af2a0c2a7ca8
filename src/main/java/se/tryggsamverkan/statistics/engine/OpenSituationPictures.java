package se.tryggsamverkan.statistics.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.AGREEMENT_ID;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.CYCLE_YEAR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.statistics.OfficialStatistics;

/**
 * After a refresh on demand, the open situation pictures of the municipality get the new figures: the rows offered
 * from the statistics are replaced, every row the coordinator typed stays. Form-js keeps what a user has typed but not
 * submitted in the browser, so nothing typed is lost either.
 */
@Component
public class OpenSituationPictures {

  static final String TASK = "Task_PoliceSituationPicture";

  private final ProcessEngine engine;
  private final OfficialStatistics statistics;
  private final OfficialFigures figures;
  private final ObjectMapper json = new ObjectMapper();

  OpenSituationPictures(@Lazy ProcessEngine engine, OfficialStatistics statistics, OfficialFigures figures) {
    this.engine = engine;
    this.statistics = statistics;
    this.figures = figures;
  }

  /** Offers the kept figures again in every open police situation picture of the municipality; how many. */
  public int offerAgain(String tenantId) {
    IdentityService identity = engine.getIdentityService();
    var current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      List<Task> open = engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK).tenantIdIn(tenantId)
          .list();
      for (Task task : open) {
        int year = (Integer) engine.getRuntimeService().getVariable(task.getExecutionId(), CYCLE_YEAR.name());
        String agreementId = (String) engine.getRuntimeService().getVariable(task.getExecutionId(),
            AGREEMENT_ID.name());
        ArrayNode rows = json.createArrayNode();
        TypedValue typed = engine.getTaskService().getVariableLocalTyped(task.getId(), "situationEntries", false);
        for (JsonNode row : read(typed)) {
          if (!row.hasNonNull("kpiId")) {
            rows.add(row);
          }
        }
        read(figures.rows(tenantId, agreementId, year)).forEach(rows::add);
        engine.getTaskService().setVariableLocal(task.getId(), "situationEntries", Spin.JSON(rows.toString()));
        engine.getTaskService().setVariableLocal(task.getId(), "statisticsNote",
            figures.note(tenantId, year));
      }
      return open.size();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }

  private JsonNode read(Object value) {
    try {
      Object raw = value instanceof TypedValue typed ? typed.getValue() : value;
      if (raw == null) {
        return json.createArrayNode();
      }
      JsonNode node = json.readTree(raw.toString());
      return node.isArray() ? node : json.createArrayNode();
    } catch (java.io.IOException e) {
      return json.createArrayNode();
    }
  }
}
