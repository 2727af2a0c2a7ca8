package se.tryggsamverkan.reminder.engine;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code Task_SendMail}'s collection: one delivery job per mail the sweep recorded. */
@Component("mailBatch")
public class MailBatch {

  public List<String> ids(DelegateExecution execution) {
    String ids = ReminderSweepProcess.MAIL_IDS.optionalFrom(execution).orElse("");
    return ids.isBlank() ? List.of() : Arrays.asList(ids.split(","));
  }
}
