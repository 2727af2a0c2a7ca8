package se.tryggsamverkan.overview;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the workflow engine knows about the municipalities' cycles: where each stands and its open tasks. */
public interface CycleStates {

  /**
   * A cycle of one agreement and year; {@code activeElements} are the BPMN elements waiting now. The agreement id
   * is null for {@link #runningCycles}, which the table across municipalities uses without it.
   */
  record Cycle(String tenantId, String agreementId, int year, String processInstanceId, String processDefinitionId,
      boolean ended, List<String> activeElements, CyclePhase phase) {
  }

  /** An open task of a cycle; {@code groups} are its candidate groups (only filled by {@link #openTasksOf}). */
  record OpenTask(String id, String tenantId, String processInstanceId, String name, String elementId,
      List<String> groups, String assignee, ZonedDateTime due) {
  }

  /**
   * The running cycles of these municipalities; {@code openTasks} are their open tasks as {@link #openTasks} gave
   * them (read once for the table, which shows both).
   */
  List<Cycle> runningCycles(Collection<String> tenantIds, List<OpenTask> openTasks);

  /** Every cycle of one municipality, running or ended. */
  List<Cycle> cycles(String tenantId);

  /** The open tasks of these municipalities' cycles, without their candidate groups. */
  List<OpenTask> openTasks(Collection<String> tenantIds);

  /** The open tasks of one cycle, with their candidate groups. */
  List<OpenTask> openTasksOf(Cycle cycle);

  /** The BPMN XML of a cycle's process definition, for the diagram. */
  Optional<String> diagram(String processDefinitionId);
}
