package se.tryggsamverkan.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Runs one reminder sweep by hand: the planning, then every mail's delivery job, as the job executor would. */
public final class SweepDriver {

  private final RuntimeService runtime;
  private final ManagementService management;

  public SweepDriver(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.management = engine.getManagementService();
  }

  /**
   * Starts a sweep and runs its jobs; returns the failures of jobs that threw (they stay for a retry, which
   * the next {@link #runJobs} call makes, as the job executor would after the retry interval).
   */
  public List<Exception> sweep() {
    ProcessInstance sweep = runtime.startProcessInstanceByKey("reminderSweep");
    return runJobs(sweep.getId());
  }

  public List<Exception> runJobs(String processInstanceId) {
    List<Exception> failures = new ArrayList<>();
    List<String> tried = new ArrayList<>();
    boolean progressed = true;
    while (progressed) {
      progressed = false;
      for (Job job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
        if (tried.contains(job.getId()) || job.getRetries() == 0) {
          continue;
        }
        tried.add(job.getId());
        try {
          management.executeJob(job.getId());
        } catch (Exception e) {
          failures.add(e);
        }
        progressed = true;
      }
    }
    return failures;
  }
}
