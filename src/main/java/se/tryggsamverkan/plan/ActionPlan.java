package se.tryggsamverkan.plan;

import java.util.List;

/** One version of a cycle's action plan with its draft promises. */
public record ActionPlan(int version, List<Activity> activities, List<CitizenPromise> promises) {

  public ActionPlan {
    activities = List.copyOf(activities);
    promises = List.copyOf(promises);
  }
}
