package se.tryggsamverkan.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Who is doing the work in the current engine command: the task's assignee, else the logged-in user. */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static String of(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
  }
}
