package se.tryggsamverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.tryggsamverkan.support.PostgresProcessTest;

@PostgresProcessTest
class HistoryRetentionTest {

  @Autowired RepositoryService repository;

  @AfterEach
  void backToTheDefault() {
    new HistoryRetention(repository, 1825).run(null);
  }

  @Test
  void theConfiguredTimeToLiveIsAppliedToEveryDeployedProcess() {
    new HistoryRetention(repository, 400).run(null);

    assertThat(repository.createProcessDefinitionQuery().list()).isNotEmpty().allSatisfy(d ->
        assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(d.getKey().equals("reminderSweep") ? 30 : 400));
  }

  @Test
  void aTimeToLiveBelowOneDayIsRefusedAtStart() {
    assertThatThrownBy(() -> new HistoryRetention(repository, 0))
        .hasMessageContaining("trygg.history.time-to-live-days must be at least 1");
  }
}
