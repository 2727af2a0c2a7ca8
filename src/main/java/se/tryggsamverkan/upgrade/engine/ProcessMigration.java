package se.tryggsamverkan.upgrade.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.engine.TaskFormValues;
import se.tryggsamverkan.upgrade.ProcessUpgrade;
import se.tryggsamverkan.upgrade.UpgradeFailure;
import se.tryggsamverkan.upgrade.UpgradeRefusal;
import se.tryggsamverkan.upgrade.UpgradeRefusals;
import se.tryggsamverkan.upgrade.UpgradeReport;

/**
 * The upgrade of running instances (issue 19, ADR 13): every running agreement and cycle of an older version of
 * its process moves to the newest version through the engine's migration API, in batches, each batch in one
 * transaction. The plan per version pair maps equal activities (same id, type and place) and the renames of
 * {@link ActivityRename#RELEASED}; timers keep their due dates (no event trigger is updated), so nothing fires twice
 * or moves. A local variable that the newest version declares, empty, on a scope an old instance is already in is
 * created there (null), as starting that scope would have. An instance the engine refuses stays on its version, is
 * logged with its municipality, year and reason and listed in {@link UpgradeRefusals}. Agreements first: they call
 * the cycles.
 */
@Service
class ProcessMigration implements ProcessUpgrade {

  static final List<String> KEYS = List.of(AgreementProcess.KEY, YearlyCycleProcess.KEY);
  /** Instances per transaction: a batch that fails one instance is tried again without it. */
  static final int BATCH = 100;
  private static final int TRIES_WHEN_BUSY = 3;
  private static final Logger LOG = LoggerFactory.getLogger(ProcessMigration.class);
  /**
   * The refusals whose instance still runs on the version the run left it on: one that has ended since, or that an
   * administrator moved by hand, is not shown, though its row stays until the next run.
   */
  private static final String STILL_REFUSED = """
      select r.* from process_upgrade_refusal r
      join ACT_RU_EXECUTION e on e.ID_ = r.process_instance_id
      join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ and d.VERSION_ = r.from_version""";

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final UpgradeRefusals refusals;
  private final JdbcClient jdbc;
  private final EngineClock clock;
  /** Per task definition key, the form values an older release stored on the task and this one reads when opened. */
  private final Map<String, Set<String>> shownOnly;
  private final List<ActivityRename> renames;
  /** The last run's error, until a run succeeds. */
  private volatile UpgradeFailure failure;

  @Autowired
  ProcessMigration(RepositoryService repository, RuntimeService runtime, TaskService tasks, IdentityService identity,
      TransactionTemplate transaction, UpgradeRefusals refusals, JdbcClient jdbc, EngineClock clock,
      List<TaskFormValues> formValues) {
    this(repository, runtime, tasks, identity, transaction, refusals, jdbc, clock, formValues.stream()
        .collect(Collectors.toMap(TaskFormValues::taskDefinitionKey, TaskFormValues::shownOnly)),
        ActivityRename.RELEASED);
  }

  private ProcessMigration(RepositoryService repository, RuntimeService runtime, TaskService tasks,
      IdentityService identity, TransactionTemplate transaction, UpgradeRefusals refusals, JdbcClient jdbc,
      EngineClock clock, Map<String, Set<String>> shownOnly, List<ActivityRename> renames) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.transaction = transaction;
    this.refusals = refusals;
    this.jdbc = jdbc;
    this.clock = clock;
    this.shownOnly = shownOnly;
    this.renames = renames;
  }

  /** The same step with these renames declared instead of the released ones (a test's release that renames). */
  ProcessMigration withRenames(List<ActivityRename> declared) {
    return new ProcessMigration(repository, runtime, tasks, identity, transaction, refusals, jdbc, clock, shownOnly,
        declared);
  }

  @Override
  public UpgradeReport migrateRunningInstances() {
    long started = System.nanoTime();
    List<UpgradeReport.PerProcess> processes;
    try {
      processes = KEYS.stream().map(this::migrate).toList();
    } catch (RuntimeException e) {
      failure = UpgradeFailure.of(clock.instant(), e);
      throw e;
    }
    failure = null;
    UpgradeReport report = new UpgradeReport(processes, Duration.ofNanos(System.nanoTime() - started));
    LOG.info("Process upgrade: {} instances moved to the newest version, {} already on it, {} refused, in {} ms ({})",
        report.migrated(), report.alreadyCurrent(), report.refused().size(), report.took().toMillis(),
        processes.stream().map(p -> p.processKey() + " v" + p.newestVersion() + ": " + p.migrated() + " moved, "
            + p.alreadyCurrent() + " current, " + p.refused().size() + " refused").collect(Collectors.joining("; ")));
    return report;
  }

  @Override
  public Optional<UpgradeFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /** One grouped read for the health report, whatever the number of versions deployed over the years. */
  @Override
  public Map<String, Map<Integer, Long>> runningPerVersion() {
    Map<String, Map<Integer, Long>> running = new LinkedHashMap<>();
    KEYS.forEach(key -> running.put(key, new TreeMap<>()));
    jdbc.sql("""
        select d.KEY_ as process_key, d.VERSION_ as version, count(*) as instances from ACT_RU_EXECUTION e
        join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
        where e.ID_ = e.PROC_INST_ID_ and d.TENANT_ID_ is null and d.KEY_ in (:keys)
        group by d.KEY_, d.VERSION_""").param("keys", KEYS)
        .query((row, n) -> running.get(row.getString("process_key")).put(row.getInt("version"),
            row.getLong("instances")))
        .list();
    return running;
  }

  @Override
  public List<UpgradeRefusal> refusals() {
    return jdbc.sql(STILL_REFUSED + " order by r.tenant_id, r.process_key, r.cycle_year")
        .query(UpgradeRefusals::row).list();
  }

  @Override
  public List<UpgradeRefusal> refusals(Set<String> tenantIds) {
    if (tenantIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(STILL_REFUSED + " where r.tenant_id in (:tenants) order by r.tenant_id, r.process_key, "
        + "r.cycle_year").param("tenants", tenantIds).query(UpgradeRefusals::row).list();
  }

  private List<ProcessDefinition> versions(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId()
        .orderByProcessDefinitionVersion().asc().list();
  }

  private UpgradeReport.PerProcess migrate(String key) {
    List<ProcessDefinition> versions = versions(key);
    if (versions.isEmpty()) {
      return new UpgradeReport.PerProcess(key, 0, 0, 0, List.of());
    }
    ProcessDefinition newest = versions.get(versions.size() - 1);
    int migrated = 0;
    List<UpgradeRefusal> refused = new ArrayList<>();
    for (ProcessDefinition old : versions.subList(0, versions.size() - 1)) {
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).list().stream()
          .map(ProcessInstance::getId).toList();
      if (ids.isEmpty()) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan = plan(old, newest);
      } catch (MigrationPlanValidationException e) {
        String reason = "no migration plan from version " + old.getVersion() + " to " + newest.getVersion() + ": "
            + planFailures(e);
        ids.forEach(id -> refused.add(refusal(id, old, newest, reason)));
        continue;
      }
      migrated += migrateListed(plan, ids, old, newest, refused);
    }
    int current = (int) runtime.createProcessInstanceQuery().processDefinitionId(newest.getId()).count() - migrated;
    refusals.replace(key, refused);
    refused.forEach(r -> LOG.warn("{} instance {} ({}, {}, business key {}) stays on version {}: {}", key,
        r.processInstanceId(), municipality(r.tenantId()), r.year(), r.businessKey(), r.fromVersion(), r.reason()));
    return new UpgradeReport.PerProcess(key, newest.getVersion(), migrated, current, List.copyOf(refused));
  }

  /** The engine's plan from one version to the newest: equal activities, then the renames that apply. */
  MigrationPlan plan(ProcessDefinition old, ProcessDefinition newest) {
    BpmnModelInstance source = repository.getBpmnModelInstance(old.getId());
    BpmnModelInstance target = repository.getBpmnModelInstance(newest.getId());
    MigrationInstructionsBuilder builder = runtime.createMigrationPlan(old.getId(), newest.getId())
        .mapEqualActivities();
    for (ActivityRename rename : renames) {
      BaseElement from = source.getModelElementById(rename.from());
      if (rename.processKey().equals(old.getKey()) && from != null && target.getModelElementById(rename.to()) != null
          && target.getModelElementById(rename.from()) == null) {
        builder.mapActivities(rename.from(), rename.to());
        if (from instanceof Activity activity && activity.getLoopCharacteristics() != null) {
          builder.mapActivities(rename.from() + "#multiInstanceBody", rename.to() + "#multiInstanceBody");
        }
      }
    }
    return builder.build();
  }

  /**
   * Moves the instances listed on {@code old}, batch by batch. The list may be stale by the time a batch runs:
   * another node starting the same release moves the same instances, and a job may end one. Returns how many this
   * run moved.
   */
  int migrateListed(MigrationPlan plan, List<String> ids, ProcessDefinition old, ProcessDefinition newest,
      List<UpgradeRefusal> refused) {
    Map<String, Set<String>> emptyInputs = emptyInputParameters(repository.getBpmnModelInstance(newest.getId()));
    int migrated = 0;
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> batch = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + BATCH)));
      migrated += migrateBatch(plan, batch, old, newest, emptyInputs, refused);
    }
    return migrated;
  }

  /**
   * One batch in one transaction; an instance the engine refuses is taken out and the rest tried again, so one
   * refusal does not hold back the others. So is an instance that is no longer on {@code old} when the batch runs
   * (another node moved it, or it ended): it is not this run's to move, nor a refusal. Returns how many moved.
   */
  private int migrateBatch(MigrationPlan plan, List<String> batch, ProcessDefinition old, ProcessDefinition newest,
      Map<String, Set<String>> emptyInputs, List<UpgradeRefusal> refused) {
    int busy = 0;
    while (!batch.isEmpty()) {
      try {
        transaction.executeWithoutResult(status -> {
          runtime.newMigration(plan).processInstanceIds(batch).execute();
          batch.forEach(id -> createDeclaredLocals(id, emptyInputs));
          removeStoredFormValues(batch);
        });
        return batch.size();
      } catch (MigratingProcessInstanceValidationException e) {
        MigratingProcessInstanceValidationReport report = e.getValidationReport();
        batch.remove(report.getProcessInstanceId());
        refused.add(refusal(report.getProcessInstanceId(), old, newest, instanceFailures(report)));
      } catch (OptimisticLockingException e) {
        // a job or a user changed one of them meanwhile: the batch was rolled back as a whole, so try it again
        if (++busy >= TRIES_WHEN_BUSY) {
          batch.forEach(id -> refused.add(refusal(id, old, newest, "changed by someone else during the upgrade "
              + TRIES_WHEN_BUSY + " times; the next run moves it (" + e.getMessage() + ")")));
          return 0;
        }
      } catch (ProcessEngineException e) {
        // the engine names one instance that is not on the plan's source version, or no longer exists; the batch
        // was rolled back: keep those still waiting on the old version and try again, unless none has gone
        Set<String> stillOld = runtime.createProcessInstanceQuery().processDefinitionId(old.getId())
            .processInstanceIds(new HashSet<>(batch)).list().stream().map(ProcessInstance::getId)
            .collect(Collectors.toSet());
        if (stillOld.size() == batch.size()) {
          throw e;
        }
        LOG.info("Process upgrade: {} of a batch of {} {} instances had been moved by another node or had ended "
            + "since they were listed ({})", batch.size() - stillOld.size(), batch.size(), old.getKey(),
            e.getMessage());
        batch.retainAll(stillOld);
      }
    }
    return 0;
  }

  /**
   * The local variables that the newest version declares, with no value, on a scope: the follow-up's answer on the
   * activity's instance for its year (ADR 12). An instance that entered the scope on an older version lacks them;
   * created here as null, as entering the scope would have. Declared values other than empty are not filled in:
   * the model test keeps a release from adding one to a scope that exists already.
   */
  static Map<String, Set<String>> emptyInputParameters(BpmnModelInstance model) {
    Map<String, Set<String>> declared = new HashMap<>();
    for (CamundaInputOutput io : model.getModelElementsByType(CamundaInputOutput.class)) {
      BaseElement owner = (BaseElement) io.getParentElement().getParentElement();
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        if (parameter.getTextContent() == null || parameter.getTextContent().isBlank()) {
          if (parameter.getDomElement().getChildElements().isEmpty()) {
            declared.computeIfAbsent(owner.getId(), id -> new HashSet<>()).add(parameter.getCamundaName());
          }
        }
      }
    }
    return declared;
  }

  private void createDeclaredLocals(String processInstanceId, Map<String, Set<String>> declared) {
    if (declared.isEmpty()) {
      return;
    }
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    List<ActivityInstance> open = new ArrayList<>(List.of(tree));
    while (!open.isEmpty()) {
      ActivityInstance instance = open.remove(open.size() - 1);
      open.addAll(List.of(instance.getChildActivityInstances()));
      Set<String> names = declared.get(instance.getActivityId());
      if (names == null || instance.getExecutionIds().length == 0) {
        continue;
      }
      String scope = instance.getExecutionIds()[0];
      Set<String> present = runtime.getVariablesLocal(scope, names).keySet();
      Map<String, Object> missing = new HashMap<>();
      names.stream().filter(name -> !present.contains(name)).forEach(name -> missing.put(name, null));
      if (!missing.isEmpty()) {
        runtime.setVariablesLocal(scope, missing);
      }
    }
  }

  /**
   * An open task of a moved instance that holds, as its own variables, values its form now reads when opened
   * ({@link TaskFormValues#shownOnly}): they go, or the value stored by the older release would be shown instead of
   * the plan as it is now.
   */
  private void removeStoredFormValues(List<String> processInstanceIds) {
    if (shownOnly.isEmpty()) {
      return;
    }
    for (Task task : tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
        .taskDefinitionKeyIn(shownOnly.keySet().toArray(String[]::new)).list()) {
      Set<String> stored = tasks.getVariablesLocal(task.getId(), shownOnly.get(task.getTaskDefinitionKey()))
          .keySet();
      if (!stored.isEmpty()) {
        tasks.removeVariablesLocal(task.getId(), stored);
      }
    }
  }

  private UpgradeRefusal refusal(String processInstanceId, ProcessDefinition old, ProcessDefinition newest,
      String reason) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    String name = old.getName() == null ? null : old.getName().split(":")[0].strip();
    return new UpgradeRefusal(processInstanceId, old.getKey(), name, old.getVersion(), newest.getVersion(),
        instance == null ? null : instance.getTenantId(), instance == null ? null : instance.getBusinessKey(),
        instance == null ? null : year(processInstanceId), reason, clock.instant());
  }

  private Integer year(String processInstanceId) {
    Object cycleYear = runtime.getVariable(processInstanceId, YearlyCycleProcess.CYCLE_YEAR.name());
    if (cycleYear instanceof Integer y) {
      return y;
    }
    Object start = runtime.getVariable(processInstanceId, AgreementProcess.PERIOD_START.name());
    return start instanceof String s && s.length() >= 4 && s.substring(0, 4).chars().allMatch(Character::isDigit)
        ? Integer.valueOf(s.substring(0, 4)) : null;
  }

  private String municipality(String tenantId) {
    Tenant tenant = tenantId == null ? null : identity.createTenantQuery().tenantId(tenantId).singleResult();
    return tenant == null ? String.valueOf(tenantId) : tenant.getName();
  }

  private static String planFailures(MigrationPlanValidationException e) {
    List<String> failures = new ArrayList<>();
    for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
      failures.add(report.getMigrationInstruction().getSourceActivityId() + " -> "
          + report.getMigrationInstruction().getTargetActivityId() + ": " + String.join("; ", report.getFailures()));
    }
    e.getValidationReport().getVariableReports()
        .forEach((name, report) -> failures.add("variable " + name + ": " + String.join("; ", report.getFailures())));
    return failures.isEmpty() ? e.getMessage() : String.join(" | ", failures);
  }

  private static String instanceFailures(MigratingProcessInstanceValidationReport report) {
    List<String> failures = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      failures.add("waits in " + activity.getSourceScopeId() + ": " + String.join("; ", activity.getFailures()));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      failures.add("about to leave " + transition.getSourceScopeId() + ": "
          + String.join("; ", transition.getFailures()));
    }
    return String.join(" | ", failures);
  }
}
