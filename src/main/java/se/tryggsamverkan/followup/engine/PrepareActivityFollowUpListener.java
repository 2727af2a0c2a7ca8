package se.tryggsamverkan.followup.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.ActivityFollowUp;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.followup.ActivityStatusRules;
import se.tryggsamverkan.followup.PromiseFollowUp;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.plan.Activity;

/**
 * {@code Task_FollowUpActivity} on create: names the task after its activity and puts what the owner needs in the
 * form: the activity, its status today, the previous report and the year's promises to record occurrences of.
 */
@Component
class PrepareActivityFollowUpListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NAME_LENGTH = 120;

  private final ActivityFollowUp followUp;
  private final PromiseFollowUp promises;
  private final AgreementRepository agreements;
  private final EngineClock clock;
  private final Directory directory;

  PrepareActivityFollowUpListener(ActivityFollowUp followUp, PromiseFollowUp promises, AgreementRepository agreements,
      EngineClock clock, Directory directory) {
    this.directory = directory;
    this.followUp = followUp;
    this.promises = promises;
    this.agreements = agreements;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    ActivityFollowUp.PlannedActivity planned = followUp.activity(ACTIVITY_ID.from(task));
    Activity a = planned.activity();
    String name = "Följ upp: " + a.description();
    task.setName(name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH - 1) + "…" : name);
    var latest = followUp.latestReport(planned.id());
    ActivityStatus today = ActivityStatusRules.statusOn(clock.today(), a.start(), a.end(),
        latest.map(ActivityFollowUp.Report::status), planned.stoppedOn());
    ACTIVITY_DESCRIPTION.setLocal(task, a.description());
    ACTIVITY_DETAILS.setLocal(task, details(a, directory.displayName(a.responsiblePerson()), FOLLOW_UP_ON.from(task)));
    CURRENT_STATUS.setLocal(task, today.symbol() + " " + today.swedishName());
    PREVIOUS_REPORT.setLocal(task, latest.map(r -> r.reportedOn() + ", " + r.status().swedishName()
        + (r.automatic() ? " (satt automatiskt)" : "") + ": " + r.comment()).orElse("Ingen rapport ännu."));
    // the form's answer lives in the task's own scope (its input mapping), where a submit writes it
    ACTIVITY_STATUS.set(task.getExecution(), today.name());
    Agreement agreement = agreements.findById(planned.agreementId()).orElseThrow();
    List<PromiseFollowUp.PromiseStatus> statuses = promises.statuses(agreement, planned.year(), clock.today());
    PROMISE_OPTIONS.setLocal(task, json(IntStream.range(0, statuses.size())
        .mapToObj(i -> Map.of("value", String.valueOf(i + 1), "label", (i + 1) + ". " + statuses.get(i).promise().text()))
        .toList()));
  }

  /** What the follow-up form shows of the activity; written again when an approved change moves or reassigns it. */
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
