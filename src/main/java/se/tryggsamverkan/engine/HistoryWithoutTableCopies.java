package se.tryggsamverkan.engine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine's history as the full level writes it, except for the {@link VariablesKeptInTables}: no
 * {@code ACT_HI_VARINST} row and no {@code ACT_HI_DETAIL} per change for them. Every event of such a variable (its
 * creation, each update, its deletion) is left out alike, so no history row is ever looked for that was not
 * written. {@link EngineConfiguration} installs it in place of the engine's own database handler.
 */
final class HistoryWithoutTableCopies implements HistoryEventHandler {

  private final HistoryEventHandler database = new DbHistoryEventHandler();
  private final ObjectProvider<VariablesKeptInTables> kept;
  private volatile Set<String> names;

  HistoryWithoutTableCopies(ObjectProvider<VariablesKeptInTables> kept) {
    this.kept = kept;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable && names().contains(variable.getVariableName())) {
      return;
    }
    database.handleEvent(event);
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      known = kept.orderedStream().flatMap(k -> k.names().stream()).collect(Collectors.toUnmodifiableSet());
      names = known;
    }
    return known;
  }
}
