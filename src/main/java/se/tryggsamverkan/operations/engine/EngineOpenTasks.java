package se.tryggsamverkan.operations.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.operations.OpenTasks;

/**
 * The open user tasks as the engine's task queries count them. The task service is lazy: the metrics are bound
 * while the context starts, before the engine need be there.
 */
@Component
class EngineOpenTasks implements OpenTasks {

  private final TaskService tasks;

  EngineOpenTasks(@Lazy TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public long count() {
    return tasks.createTaskQuery().count();
  }

  @Override
  public long countDueBefore(Instant moment) {
    return tasks.createTaskQuery().dueBefore(Date.from(moment)).count();
  }
}
