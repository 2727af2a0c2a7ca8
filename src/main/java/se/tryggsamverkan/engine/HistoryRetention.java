package se.tryggsamverkan.engine;

import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;

/**
 * How long finished agreements and cycles stay in the engine's history, which holds what users typed into the
 * forms: {@code trygg.history.time-to-live-days} (default 1825, five years) is applied to every deployed version of
 * the agreement and cycle processes, overriding the BPMN's own value; the history cleanup job then removes older
 * history in its nightly window. The reminder sweep keeps its own 30 days.
 */
@Component
class HistoryRetention implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);
  private final RepositoryService repository;
  private final int days;

  HistoryRetention(RepositoryService repository, @Value("${trygg.history.time-to-live-days:1825}") int days) {
    if (days < 1) {
      throw new IllegalArgumentException("trygg.history.time-to-live-days must be at least 1, not " + days);
    }
    this.repository = repository;
    this.days = days;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
        .processDefinitionKeysIn(AgreementProcess.KEY, YearlyCycleProcess.KEY).list()) {
      if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        LOG.info("History of {} v{} is kept {} days", definition.getKey(), definition.getVersion(), days);
      }
    }
  }
}
