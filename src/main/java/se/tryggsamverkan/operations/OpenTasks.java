package se.tryggsamverkan.operations;

import java.time.Instant;

/**
 * The user tasks waiting in the engine, counted for the metrics: a port, so that operations reads them without
 * knowing which engine holds them (the adapter lives in {@code operations.engine}).
 */
public interface OpenTasks {

  /** Open user tasks of all municipalities. */
  long count();

  /** Open user tasks due before {@code moment}. */
  long countDueBefore(Instant moment);
}
