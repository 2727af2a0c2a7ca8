package se.tryggsamverkan.engine;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Links attached to a task or a process instance (Camunda attachments, kept with the history) to documents the
 * product serves itself: the bytes stay in the product's tables and behind its API's checks, and nothing is printed
 * inside a task's transaction to attach it. Attached by the product, not by the user whose action created the task,
 * so without that user's authorizations.
 */
@Component
public class TaskAttachments {

  private final TaskService tasks;

  TaskAttachments(@Lazy TaskService tasks) {
    this.tasks = tasks;
  }

  /** A link to a document the product serves itself (read through its own API, with its own access checks). */
  public void attachLink(String taskId, String processInstanceId, String type, String name, String description,
      String url) {
    run(() -> tasks.createAttachment(type, taskId, processInstanceId, name, description, url));
  }

  private static void run(Runnable attach) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      attach.run();
    } else {
      context.runWithoutAuthorization(() -> {
        attach.run();
        return null;
      });
    }
  }
}
