package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.engine.TaskFormValues;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.followup.ActivityStatusRules;
import se.tryggsamverkan.followup.PromiseFollowUp;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.plan.Activity;
import se.tryggsamverkan.plan.CitizenPromise;

/**
 * What {@code Task_FollowUpActivity}'s form shows, read from the plan and the reports when the owner opens it: the
 * activity, its status today, the previous report and the year's promises to record occurrences of, and today's
 * status as the answer's starting point. An approved change that moves, revises or reassigns the activity shows at
 * once, with nothing to rewrite.
 */
@Component
class ActivityFollowUpFormValues implements TaskFormValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the form shows of the activity: the release of 2026-11-27 wrote these on each follow-up task. */
  static final Set<String> SHOWN_ONLY = Set.of(ACTIVITY_DESCRIPTION.name(), ACTIVITY_DETAILS.name(),
      CURRENT_STATUS.name(), PREVIOUS_REPORT.name(), PROMISE_OPTIONS.name());

  private final ActivityFollowUp followUp;
  private final PromiseFollowUp promises;
  private final EngineClock clock;
  private final Directory directory;

  ActivityFollowUpFormValues(ActivityFollowUp followUp, PromiseFollowUp promises, EngineClock clock,
      Directory directory) {
    this.followUp = followUp;
    this.promises = promises;
    this.clock = clock;
    this.directory = directory;
  }

  @Override
  public String taskDefinitionKey() {
    return TASK_FOLLOW_UP_ACTIVITY;
  }

  @Override
  public Set<String> shownOnly() {
    return SHOWN_ONLY;
  }

  @Override
  public Map<String, FormValue> valuesFor(Function<String, Object> variable, String tenantId) {
    ActivityFollowUp.PlannedActivity planned = followUp.activity(ACTIVITY_ID.of(variable.apply(ACTIVITY_ID.name())));
    Activity a = planned.activity();
    var latest = followUp.latestReport(planned.id());
    ActivityStatus today = ActivityStatusRules.statusOn(clock.today(), a.start(), a.end(),
        latest.map(ActivityFollowUp.Report::status), planned.stoppedOn());
    Map<String, FormValue> values = new LinkedHashMap<>();
    values.put(ACTIVITY_DESCRIPTION.name(), FormValue.text(a.description()));
    values.put(ACTIVITY_DETAILS.name(), FormValue.text(details(a, directory.displayName(a.responsiblePerson()),
        FOLLOW_UP_ON.of(variable.apply(FOLLOW_UP_ON.name())))));
    values.put(CURRENT_STATUS.name(), FormValue.text(today.symbol() + " " + today.swedishName()));
    values.put(PREVIOUS_REPORT.name(), FormValue.text(latest.map(r -> r.reportedOn() + ", "
        + r.status().swedishName() + (r.automatic() ? " (satt automatiskt)" : "") + ": " + r.comment())
        .orElse("Ingen rapport ännu.")));
    // the answer starts from today's status and no promise carried out; what the owner submits goes into the
    // activity's instance (its input mapping), which holds it empty between follow-ups
    values.put(ACTIVITY_STATUS.name(), FormValue.text(today.name()));
    values.put(PROMISE_OCCURRENCES.name(), FormValue.jsonList("[]"));
    List<CitizenPromise> ofTheYear = promises.promises(planned.agreementId(), planned.year());
    values.put(PROMISE_OPTIONS.name(), FormValue.jsonList(json(IntStream.range(0, ofTheYear.size())
        .mapToObj(i -> Map.of("value", String.valueOf(i + 1), "label", (i + 1) + ". " + ofTheYear.get(i).text()))
        .toList())));
    return values;
  }

  /** What the follow-up form shows of the activity. */
  static String details(Activity a, String responsibleName, String followUpOn) {
    return "Fokusområde: " + a.focusArea() + "\n"
        + "Ansvarig: " + a.responsibleParty().swedishName() + " (" + responsibleName + ")\n"
        + "Period: " + a.start() + " – " + a.end() + "\n"
        + "Förväntad effekt: " + a.expectedEffect() + "\n"
        + "Indikatorer: " + a.indicators() + "\n"
        + "Uppföljning: " + a.followUpInterval().swedishName() + " (den här gången " + followUpOn + ")";
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the promise options", e);
    }
  }
}
