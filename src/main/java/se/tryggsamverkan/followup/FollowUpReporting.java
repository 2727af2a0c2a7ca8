package se.tryggsamverkan.followup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.common.InvalidInputException;

/**
 * One follow-up as an owner submits it: the activity's status and comment and the promises carried out since last
 * time. Stored together or not at all, with every faulty field named at once.
 */
@Service
public class FollowUpReporting {

  private final ActivityFollowUp activities;
  private final PromiseFollowUp promises;
  private final AgreementRepository agreements;

  FollowUpReporting(ActivityFollowUp activities, PromiseFollowUp promises, AgreementRepository agreements) {
    this.activities = activities;
    this.promises = promises;
    this.agreements = agreements;
  }

  @Transactional
  public void report(long activityId, Object status, Object comment, String occurrencesJson, String taskId,
      String reportedBy, LocalDate today) {
    ActivityFollowUp.PlannedActivity planned = activities.activity(activityId);
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      activities.report(planned, status, comment, taskId, reportedBy, today);
    } catch (InvalidInputException e) {
      errors.putAll(e.fieldErrors());
    }
    try {
      promises.recordRows(() -> agreements.findById(planned.agreementId()).orElseThrow(), planned.year(),
          occurrencesJson, reportedBy, today);
    } catch (InvalidInputException e) {
      errors.putAll(e.fieldErrors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
