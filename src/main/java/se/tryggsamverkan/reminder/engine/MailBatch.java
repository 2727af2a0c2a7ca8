package se.tryggsamverkan.reminder.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendMail}'s collection: the sweep's mails in batches, one delivery job per batch (thousands of
 * multi-instance executions would make every completion slow).
 */
@Component("mailBatch")
public class MailBatch {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final int BATCH = 25;

  /** Batches of mail ids, each as "1,2,3". */
  public List<String> ids(DelegateExecution execution) {
    String json = ReminderSweepProcess.MAIL_IDS.optionalFrom(execution).orElse("[]");
    try {
      List<String> batches = new ArrayList<>();
      StringBuilder batch = new StringBuilder();
      int inBatch = 0;
      for (var id : JSON.readTree(json)) {
        batch.append(inBatch == 0 ? "" : ",").append(id.asText());
        if (++inBatch == BATCH) {
          batches.add(batch.toString());
          batch.setLength(0);
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        batches.add(batch.toString());
      }
      return batches;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("mailIds is not a JSON list: " + json, e);
    }
  }

  static void set(DelegateExecution execution, List<Long> ids) {
    try {
      execution.setVariable(ReminderSweepProcess.MAIL_IDS.name(),
          SpinValues.jsonValue(JSON.writeValueAsString(ids)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
