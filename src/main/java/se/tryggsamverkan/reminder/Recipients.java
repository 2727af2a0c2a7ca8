package se.tryggsamverkan.reminder;

import java.util.List;

/** Who is told about a task. */
public interface Recipients {

  /** The assignee, or when nobody has taken the task, every member of its candidate groups in its municipality. */
  List<Recipient> forReminder(TaskFacts task);

  /** These users, in this order, each once. */
  List<Recipient> users(List<String> userIds);

  /** Both coordinators and the steering-group member of the party that chairs today. */
  List<Recipient> forEscalation(TaskFacts task);
}
