package se.tryggsamverkan.upgrade.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.upgrade.UpgradeReport;

/**
 * How long an upgrade takes (issue 19), not a test: {@code -Dbenchmark.copies} (default 10) copies of
 * {@link EveryWaitState} laid out on the previous release, then this release deployed and the running instances
 * moved, timed, and moved again (nothing left to move). Prints where the instances wait before and after, by element.
 * Run: {@code mvn test -Dtest=UpgradeBenchmark -Dbenchmark.copies=25}.
 */
@PostgresProcessTest
@TestPropertySource(properties = "trygg.upgrade.migrate-at-start=false")
class UpgradeBenchmark {

  @Autowired ProcessEngine engine;
  @Autowired ProcessMigration migration;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void upgradeEveryWaitState() {
    int copies = Integer.getInteger("benchmark.copies", 10);
    EveryWaitState scenario = new EveryWaitState(engine);
    scenario.deploy(EveryWaitState.PREVIOUS_RELEASE, UnaryOperator.identity());
    long laying = System.nanoTime();
    for (int i = 0; i < copies; i++) {
      scenario.layOut("b" + i);
    }
    System.out.printf("%nUpgradeBenchmark: %d copies laid out on the previous release in %.1f s%n", copies,
        (System.nanoTime() - laying) / 1e9);
    Map<String, Integer> before = waitingIn();
    scenario.deploy(EveryWaitState.THIS_RELEASE, UnaryOperator.identity());

    UpgradeReport first = migration.migrateRunningInstances();
    UpgradeReport second = migration.migrateRunningInstances();

    Map<String, Integer> after = waitingIn();
    System.out.printf("%-40s %8s %8s%n", "waiting in (element, running instances)", "before", "after");
    before.forEach((element, count) -> System.out.printf("%-40s %8d %8d%n", element, count,
        after.getOrDefault(element, 0)));
    for (UpgradeReport report : List.of(first, second)) {
      System.out.printf("upgrade run: %d moved, %d already current, %d refused, %d ms%n", report.migrated(),
          report.alreadyCurrent(), report.refused().size(), report.took().toMillis());
      report.processes().forEach(p -> System.out.printf("  %s v%d: %d moved, %d current, %d refused%n",
          p.processKey(), p.newestVersion(), p.migrated(), p.alreadyCurrent(), p.refused().size()));
    }
  }

  /** Per element an instance waits in (leaves of the activity instance trees), how many instances wait there. */
  private Map<String, Integer> waitingIn() {
    RuntimeService runtime = engine.getRuntimeService();
    Map<String, Integer> counts = new TreeMap<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().list()) {
      List<ActivityInstance> open = new ArrayList<>(List.of(runtime.getActivityInstance(instance.getId())));
      while (!open.isEmpty()) {
        ActivityInstance next = open.remove(open.size() - 1);
        if (next.getChildActivityInstances().length == 0 && next.getChildTransitionInstances().length == 0) {
          counts.merge(next.getActivityId(), 1, Integer::sum);
        }
        open.addAll(List.of(next.getChildActivityInstances()));
      }
    }
    return counts;
  }
}
