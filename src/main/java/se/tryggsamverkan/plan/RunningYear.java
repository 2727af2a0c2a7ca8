package se.tryggsamverkan.plan;

import java.time.LocalDate;

/**
 * What an approved plan change does to the year as it runs: its follow-ups, timers and open tasks. Implemented on
 * the engine ({@code followup.engine.RunningYearFollowsPlan}); each operation also changes the activity's row.
 */
public interface RunningYear {

  /** Ends the activity's follow-up: no more follow-up tasks, never "Försenad". */
  boolean stop(long activityId, String reason);

  /** New dates: the "Försenad" day and the follow-up dates follow them. */
  void move(long activityId, LocalDate start, LocalDate end);

  /** A new owner, who gets the open follow-up task and the later ones. */
  void reassign(long activityId, String person);

  /** New indicators or follow-up interval: the coming follow-ups ask for them and come on the new interval. */
  void revise(long activityId, String indicators, FollowUpInterval interval);

  /** A new activity of the approved plan, followed up from its start; returns its row id. */
  long add(String agreementId, int year, Activity activity);
}
