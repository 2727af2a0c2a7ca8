package se.tryggsamverkan.bench;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.SqlCounter;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Not a test: the same work on both sides (issue 18). Every activity follow-up the project completes in a year
 * (the bulk of all completions) is replayed on a bare Camunda process: a timer creates a user task with the same
 * candidate groups, assignee, due date and tenant, whose instance holds as plain variables everything the project's
 * form shows; the same authenticated user opens its form and submits the same answer. One JVM, one engine, one
 * database. Prints per step the median time, SQL statements and round trips (executions and commits, counted by
 * datasource-proxy) on both sides, and their ratio with and without the timer jobs that create the tasks.
 * Run: {@code mvn test -Dtest=SameWorkBenchmark -Dbenchmark.municipalities=30}; with {@code -Dbenchmark.sql=true}
 * it also prints the statements of one project timer job and one completion by shape.
 */
@PostgresProcessTest
@Import(SqlCounter.Config.class)
class SameWorkBenchmark {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  record Sample(long nanos, SqlCounter.Counts counts) {
  }

  @AfterEach
  void resetClock() {
    identity.clearAuthentication();
    Clock.reset();
  }

  @Test
  void activityFollowUpsAgainstBareUserTasks() {
    int n = Integer.getInteger("benchmark.municipalities", 30);
    TaskService tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    Clock.setTo("2026-01-02T09:00");
    List<ProcessInstance> cycles = new ArrayList<>();
    Map<String, TestMunicipality> byTenant = new HashMap<>();
    for (int i = 0; i < n; i++) {
      TestMunicipality m = TestMunicipality.create(identity, "Kommun " + i);
      byTenant.put(m.tenantId(), m);
      CycleDriver driver = new CycleDriver(engine, m);
      ProcessInstance cycle = driver.cycleAtTheActionPlan("same-" + m.tenantId(), 2027, "Buskörning");
      driver.completePlan(cycle, activities(m), "[{\"text\":\"Polisen håller trafikkontroller\",\"party\":\"POLICE\","
          + "\"target\":\"minst 1 per månad\"}]");
      driver.approveAndSign(cycle);
      cycles.add(cycle);
      // the bare side's model, in the municipality's tenant like the project's: a timer creates the task (as the
      // project's follow-up timer does) with the same candidate groups, assignee and due date, and after the task
      // another timer waits, so that completing it does not end the instance (which would delete every variable)
      engine.getRepositoryService().createDeployment().tenantId(m.tenantId()).addModelInstance("bare.bpmn",
          Bpmn.createExecutableProcess("bareUserTask").camundaHistoryTimeToLive(180).startEvent()
              .intermediateCatchEvent("Timer_BareTask").timerWithDate("${bareTaskAt}")
              .userTask("Task_Bare").camundaCandidateGroups("${bareGroups}").camundaAssignee("${bareAssignee}")
              .camundaDueDate("${bareDue}")
              .intermediateCatchEvent("Timer_Bare").timerWithDuration("P90D").endEvent()
              .done()).deploy();
    }

    List<Sample> timerJobs = new ArrayList<>();
    List<Sample> bareTimerJobs = new ArrayList<>();
    List<Sample> project = new ArrayList<>();
    List<Sample> bare = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      // the follow-up timers due next, all municipalities at once: they create the follow-up tasks
      List<Job> due = cycles.stream().flatMap(c -> management.createJobQuery().processInstanceId(c.getId())
          .activityId(TIMER_NEXT_FOLLOW_UP).list().stream()).sorted(Comparator.comparing(Job::getDuedate)).toList();
      if (due.isEmpty()) {
        break;
      }
      ClockUtil.setCurrentTime(due.get(due.size() - 1).getDuedate());
      for (Job job : due) {
        timerJobs.add(shown(timerJobs.isEmpty() && Boolean.getBoolean("benchmark.sql"),
            "one project follow-up timer job", () -> measure(() -> management.executeJob(job.getId()))));
      }
      for (ProcessInstance cycle : cycles) {
        for (Task task : tasks.createTaskQuery().processInstanceId(cycle.getId())
            .taskDefinitionKey(TASK_FOLLOW_UP_ACTIVITY).list()) {
          TestMunicipality m = byTenant.get(task.getTenantId());
          String owner = m.user(Role.ACTIVITY_OWNER);
          Map<String, Object> answer = Map.of(ACTIVITY_STATUS.name(), "ONGOING", STATUS_COMMENT.name(),
              "Pågår enligt plan, kontroller varje vecka");
          // what the bare task gets: what the project's form shows, as plain variables, and the same groups,
          // assignee and due date
          VariableMap seen = engine.getFormService().getTaskFormVariables(task.getId(), null, false);
          String groups = String.join(",", tasks.getIdentityLinksForTask(task.getId()).stream()
              .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList());
          if (task.getAssignee() == null) {
            tasks.claim(task.getId(), owner);
          }
          seen.putValue("bareTaskAt", ClockUtil.getCurrentTime());
          seen.putValue("bareGroups", groups);
          seen.putValue("bareAssignee", task.getAssignee() != null ? task.getAssignee() : owner);
          seen.putValue("bareDue", task.getDueDate());
          ProcessInstance replay = engine.getRuntimeService().createProcessInstanceByKey("bareUserTask")
              .processDefinitionTenantId(m.tenantId()).setVariables(seen).execute();
          Job bareTimer = management.createJobQuery().processInstanceId(replay.getId()).singleResult();
          bareTimerJobs.add(shown(bareTimerJobs.isEmpty() && Boolean.getBoolean("benchmark.sql"),
              "the bare timer job", () -> measure(() -> management.executeJob(bareTimer.getId()))));
          Task bareTask = tasks.createTaskQuery().processInstanceId(replay.getId()).singleResult();

          // the owner opens the form (the one call Tasklist makes for its values) and submits it, on both sides
          boolean show = project.isEmpty() && Boolean.getBoolean("benchmark.sql");
          project.add(shown(show, "one project form opened and submitted",
              () -> as(owner, m, () -> openAndSubmit(task.getId(), answer))));
          bare.add(shown(show, "the bare form opened and submitted",
              () -> as(owner, m, () -> openAndSubmit(bareTask.getId(), answer))));
        }
      }
    }

    System.out.printf("%nSame work, %d municipalities, 4 activities each (embedded PostgreSQL, 2 cores)%n", n);
    System.out.printf("%-38s %6s %10s %11s %12s%n", "", "n", "median ms", "statements", "round trips");
    print("project: follow-up opened and submitted", project);
    print("bare: the same task opened and submitted", bare);
    print("project: follow-up timer job", timerJobs);
    print("bare: timer job creating the same task", bareTimerJobs);
    System.out.printf("ratio, completion only:                time %.2f×  statements %.2f×  round trips %.2f×%n",
        median(project) / median(bare), mean(project, true) / mean(bare, true), mean(project, false) / mean(bare, false));
    System.out.printf("ratio, with the timer jobs:            time %.2f×  statements %.2f×  round trips %.2f×%n",
        (median(project) + median(timerJobs)) / (median(bare) + median(bareTimerJobs)),
        (mean(project, true) + mean(timerJobs, true)) / (mean(bare, true) + mean(bareTimerJobs, true)),
        (mean(project, false) + mean(timerJobs, false)) / (mean(bare, false) + mean(bareTimerJobs, false)));
  }

  private void openAndSubmit(String taskId, Map<String, Object> answer) {
    engine.getFormService().getTaskFormVariables(taskId, null, false);
    engine.getFormService().submitTaskForm(taskId, answer);
  }

  /** Takes the sample; when {@code show}, also prints its statements by shape. */
  private static Sample shown(boolean show, String what, java.util.function.Supplier<Sample> sample) {
    if (!show) {
      return sample.get();
    }
    SqlCounter.record();
    Sample taken = sample.get();
    printShapes(what, SqlCounter.recorded());
    return taken;
  }

  /** The statements by their shape (table and kind), the most frequent first: where a completion's SQL goes. */
  private static void printShapes(String what, List<String> statements) {
    Map<String, Integer> shapes = new java.util.TreeMap<>();
    for (String sql : statements) {
      String shape = sql.strip().replaceAll("\\s+", " ");
      shape = shape.length() > 90 ? shape.substring(0, 90) + "…" : shape;
      shapes.merge(shape, 1, Integer::sum);
    }
    System.out.printf("%nThe %d statements of %s, by shape:%n", statements.size(), what);
    shapes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> System.out.printf("%4d  %s%n", e.getValue(), e.getKey()));
  }

  private Sample as(String user, TestMunicipality m, Runnable work) {
    identity.setAuthentication(user, List.of(Role.ACTIVITY_OWNER.groupId()), List.of(m.tenantId()));
    try {
      return measure(work);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Sample measure(Runnable work) {
    SqlCounter.reset();
    long start = System.nanoTime();
    work.run();
    return new Sample(System.nanoTime() - start, SqlCounter.counts());
  }

  private static void print(String what, List<Sample> samples) {
    System.out.printf("%-34s %6d %10.2f %11.1f %12.1f%n", what, samples.size(), median(samples), mean(samples, true),
        mean(samples, false));
  }

  private static double median(List<Sample> samples) {
    List<Long> times = new ArrayList<>(samples.stream().map(Sample::nanos).toList());
    Collections.sort(times);
    return times.get(times.size() / 2) / 1e6;
  }

  private static double mean(List<Sample> samples, boolean statements) {
    return samples.stream().mapToLong(s -> statements ? s.counts().statements() : s.counts().roundTrips()).average()
        .orElse(0);
  }

  private static String activities(TestMunicipality m) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 4; i++) {
      json.append(i == 0 ? "" : ",").append("{\"focusArea\":\"Trygghet i trafik\",\"description\":\"Aktivitet ")
          .append(i).append("\",\"expectedEffect\":\"Färre klagomål\",\"responsibleParty\":\"POLICE\",")
          .append("\"responsiblePerson\":\"").append(m.user(Role.ACTIVITY_OWNER)).append("\",\"startDate\":")
          .append("\"2027-01-01\",\"endDate\":\"2027-12-31\",\"indicators\":\"Antal kontroller\",")
          .append("\"followUpInterval\":\"QUARTERLY\"}");
    }
    return json.append(']').toString();
  }
}
