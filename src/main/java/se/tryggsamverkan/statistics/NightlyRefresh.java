package se.tryggsamverkan.statistics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every night, every municipality's official figures are refreshed (trygg.statistics.kolada.refresh-cron, Swedish
 * time; "-" turns it off). A Spring schedule rather than an engine timer: the refresh waits on Kolada, and that
 * wait must hold no job, task or transaction. With several nodes each refreshes at the same moment; the refresh is
 * idempotent, and two of them that meet on the same rows wait for each other (OfficialStatistics#store).
 */
@Configuration
@EnableScheduling
class NightlyRefresh {

  private final OfficialStatistics statistics;

  NightlyRefresh(OfficialStatistics statistics) {
    this.statistics = statistics;
  }

  @Scheduled(cron = "${trygg.statistics.kolada.refresh-cron:0 40 4 * * *}", zone = "${trygg.time-zone:Europe/Stockholm}")
  void refreshEveryMunicipality() {
    statistics.refreshAll();
  }
}
