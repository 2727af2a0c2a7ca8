package se.tryggsamverkan.overview.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.overview.CyclePhase;
import se.tryggsamverkan.overview.CycleStates;

/**
 * The cycles' state from the engine in a few queries for any number of municipalities: running instances, open
 * tasks and pending timers. The caller has already decided which municipalities the viewer may see, so the
 * queries run without the viewer's engine authorizations (a manager may read history but not every task).
 */
@Component
class CamundaCycleStates implements CycleStates {

  /** Which phase each waiting element belongs to; the cycle is in the latest phase any of its elements is in. */
  private static final Map<String, CyclePhase> PHASES = Map.ofEntries(
      Map.entry(TIMER_CYCLE_START, CyclePhase.WAITING),
      Map.entry(TASK_POLICE_SITUATION_PICTURE, CyclePhase.SITUATION_PICTURE),
      Map.entry(TASK_MUNICIPAL_SITUATION_PICTURE, CyclePhase.SITUATION_PICTURE),
      Map.entry(TASK_MERGE_AND_PRIORITISE, CyclePhase.PRIORITISATION),
      Map.entry(TASK_CAUSE_ANALYSIS, CyclePhase.CAUSE_ANALYSIS),
      Map.entry(TASK_ACTION_PLAN, CyclePhase.ACTION_PLAN),
      Map.entry(TASK_PREPARE_STEERING_GROUP, CyclePhase.PREPARATION),
      Map.entry(TASK_POLICE_STEERING_DECISION, CyclePhase.STEERING_DECISION),
      Map.entry(TASK_MUNICIPAL_STEERING_DECISION, CyclePhase.STEERING_DECISION),
      Map.entry(TASK_SIGN_AND_PUBLISH, CyclePhase.SIGNING),
      Map.entry(TASK_SCHEDULE_FOLLOW_UP_MEETING, CyclePhase.IMPLEMENTATION),
      Map.entry(TASK_HALF_YEAR_FOLLOW_UP, CyclePhase.IMPLEMENTATION),
      Map.entry(TASK_FOLLOW_UP_ACTIVITY, CyclePhase.IMPLEMENTATION),
      Map.entry(TIMER_NEXT_FOLLOW_UP, CyclePhase.IMPLEMENTATION),
      Map.entry(TIMER_ACTIVITY_OVERDUE, CyclePhase.IMPLEMENTATION),
      Map.entry(TASK_YEARLY_FOLLOW_UP_REPORT, CyclePhase.YEARLY_REPORT));
  private static final Set<String> INSIDE_FOLLOW_UP = Set.of(TASK_FOLLOW_UP_ACTIVITY, TIMER_NEXT_FOLLOW_UP,
      TIMER_ACTIVITY_OVERDUE, TASK_MARK_ACTIVITY_DELAYED);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final Map<String, String> diagrams = new ConcurrentHashMap<>();

  CamundaCycleStates(RuntimeService runtime, HistoryService history, TaskService tasks, ManagementService management,
      RepositoryService repository, IdentityService identity, EngineClock clock, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.identity = identity;
    this.zone = clock.zone();
  }

  /**
   * Running cycles from the runtime tables only, in two queries besides the open tasks the caller read: the year
   * comes from the business key the agreement gives each cycle ("{agreement}-{year}"), so no variable is read; the
   * agreement id is left out.
   */
  @Override
  public List<Cycle> runningCycles(Collection<String> tenantIds, List<OpenTask> openTasks) {
    if (tenantIds.isEmpty()) {
      return List.of();
    }
    return unauthenticated(() -> {
      Map<String, Set<String>> active = new HashMap<>();
      openTasks.forEach(t -> active.computeIfAbsent(t.processInstanceId(), k -> new LinkedHashSet<>())
          .add(t.elementId()));
      addWaitingTimers(tenantIds, active);
      List<Cycle> result = new ArrayList<>();
      for (var instance : runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
          .tenantIdIn(tenantIds.toArray(String[]::new)).list()) {
        Integer year = yearOf(instance.getBusinessKey());
        if (year != null) {
          result.add(cycle(instance.getTenantId(), null, year, instance.getId(),
              instance.getProcessDefinitionId(), false, active.getOrDefault(instance.getId(), Set.of())));
        }
      }
      return result;
    });
  }

  private static Integer yearOf(String businessKey) {
    int dash = businessKey == null ? -1 : businessKey.lastIndexOf('-');
    try {
      return dash < 0 ? null : Integer.valueOf(businessKey.substring(dash + 1));
    } catch (NumberFormatException notACycleKey) {
      return null;
    }
  }

  private static Cycle cycle(String tenantId, String agreementId, int year, String processInstanceId,
      String processDefinitionId, boolean ended, Set<String> waiting) {
    List<String> elements = new ArrayList<>(waiting);
    if (elements.stream().anyMatch(INSIDE_FOLLOW_UP::contains)) {
      elements.add(SUBPROCESS_ACTIVITY_FOLLOW_UP);
    }
    CyclePhase phase = ended ? CyclePhase.COMPLETED : elements.stream().map(PHASES::get)
        .filter(java.util.Objects::nonNull).max(Enum::compareTo).orElse(CyclePhase.WAITING);
    return new Cycle(tenantId, agreementId, year, processInstanceId, processDefinitionId, ended,
        List.copyOf(elements), phase);
  }

  @Override
  public List<Cycle> cycles(String tenantId) {
    return unauthenticated(() -> cyclesOf(history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .tenantIdIn(tenantId).list(), List.of(tenantId)));
  }

  @Override
  public List<OpenTask> openTasks(Collection<String> tenantIds) {
    if (tenantIds.isEmpty()) {
      return List.of();
    }
    return unauthenticated(() -> tasks.createTaskQuery().processDefinitionKey(KEY)
        .tenantIdIn(tenantIds.toArray(String[]::new)).list().stream().map(t -> openTask(t, List.of())).toList());
  }

  /**
   * The cycle's own tasks only, and their candidate groups in one read of the engine's identity links (the engine's
   * API asks once per task).
   */
  @Override
  public List<OpenTask> openTasksOf(Cycle cycle) {
    return unauthenticated(() -> {
      List<Task> open = tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).list();
      if (open.isEmpty()) {
        return List.of();
      }
      Map<String, List<String>> groups = new HashMap<>();
      jdbc.sql("select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate' "
              + "and GROUP_ID_ is not null and TASK_ID_ in (:tasks)")
          .param("tasks", open.stream().map(Task::getId).toList())
          .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
          .forEach(link -> groups.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
      return open.stream().map(t -> openTask(t, groups.getOrDefault(t.getId(), List.of()))).toList();
    });
  }

  private OpenTask openTask(Task t, List<String> groups) {
    return new OpenTask(t.getId(), t.getTenantId(), t.getProcessInstanceId(), t.getName(), t.getTaskDefinitionKey(),
        groups, t.getAssignee(), t.getDueDate() == null ? null : t.getDueDate().toInstant().atZone(zone));
  }

  @Override
  public Optional<String> diagram(String processDefinitionId) {
    return Optional.ofNullable(diagrams.computeIfAbsent(processDefinitionId, id -> unauthenticated(() -> {
      try (InputStream xml = repository.getProcessModel(id)) {
        return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("Could not read the process model " + id, e);
      }
    })));
  }

  private List<Cycle> cyclesOf(List<HistoricProcessInstance> instances, Collection<String> tenantIds) {
    if (instances.isEmpty()) {
      return List.of();
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(AGREEMENT_ID.name(), CYCLE_YEAR.name()).list().stream()
        .filter(v -> v.getProcessInstanceId().equals(v.getExecutionId()))
        .forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
            .put(v.getName(), v.getValue()));
    Map<String, Set<String>> active = activeElements(tenantIds);
    List<Cycle> result = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> vars = variables.getOrDefault(instance.getId(), Map.of());
      if (vars.get(AGREEMENT_ID.name()) == null || vars.get(CYCLE_YEAR.name()) == null) {
        continue;
      }
      result.add(cycle(instance.getTenantId(), (String) vars.get(AGREEMENT_ID.name()),
          ((Number) vars.get(CYCLE_YEAR.name())).intValue(), instance.getId(), instance.getProcessDefinitionId(),
          instance.getEndTime() != null, active.getOrDefault(instance.getId(), Set.of())));
    }
    return result;
  }

  /** The waiting user tasks and timers of every running cycle of these municipalities, by process instance. */
  private Map<String, Set<String>> activeElements(Collection<String> tenantIds) {
    String[] tenants = tenantIds.toArray(String[]::new);
    Map<String, Set<String>> active = new HashMap<>();
    for (Task t : tasks.createTaskQuery().processDefinitionKey(KEY).tenantIdIn(tenants).list()) {
      active.computeIfAbsent(t.getProcessInstanceId(), k -> new LinkedHashSet<>()).add(t.getTaskDefinitionKey());
    }
    addWaitingTimers(tenantIds, active);
    return active;
  }

  /**
   * Adds each running cycle's waiting timers (which kinds, not each one) to {@code active}. A cycle in its year has a
   * follow-up and an end timer per activity: 290 municipalities have thousands, and the engine's job query would map
   * each to a full job. Read from the engine's job table directly, here in the engine's package, as one distinct
   * (instance, job definition) pair per kind, in chunks of 500 municipalities.
   */
  private void addWaitingTimers(Collection<String> tenantIds, Map<String, Set<String>> active) {
    Map<String, String> timerElements = new HashMap<>();
    for (JobDefinition definition : management.createJobDefinitionQuery().processDefinitionKey(KEY).list()) {
      timerElements.put(definition.getId(), definition.getActivityId());
    }
    List<String> tenants = List.copyOf(tenantIds);
    for (int from = 0; from < tenants.size(); from += 500) {
      jdbc.sql("select distinct PROCESS_INSTANCE_ID_, JOB_DEF_ID_ from ACT_RU_JOB where TYPE_ = 'timer' "
              + "and PROCESS_DEF_KEY_ = :key and TENANT_ID_ in (:tenants)")
          .param("key", KEY).param("tenants", tenants.subList(from, Math.min(tenants.size(), from + 500)))
          .query((rs, n) -> Map.entry(rs.getString(1), String.valueOf(rs.getString(2)))).list()
          .forEach(timer -> {
            String element = timerElements.get(timer.getValue());
            if (element != null) {
              active.computeIfAbsent(timer.getKey(), k -> new LinkedHashSet<>()).add(element);
            }
          });
    }
  }

  private <T> T unauthenticated(Supplier<T> query) {
    Authentication viewer = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (viewer != null) {
        identity.setAuthentication(viewer);
      }
    }
  }
}
