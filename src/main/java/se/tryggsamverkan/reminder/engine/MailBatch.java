package se.tryggsamverkan.reminder.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.reminder.MailTransport;

/**
 * {@code Task_SendMail}'s collection: the sweep's mails in batches, one delivery job per batch (thousands of
 * multi-instance executions would make every completion slow). Through a mail server a batch is 25 mails, what one
 * retry sends again at most; into the outbox alone, where a batch is marked in one statement, 2,000 (7,000 mails
 * are four jobs, not fourteen).
 */
@Component("mailBatch")
public class MailBatch {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final int TO_A_MAIL_SERVER = 25;
  static final int INTO_THE_OUTBOX = 2000;

  private final int size;

  MailBatch(MailTransport transport) {
    this.size = transport.leavesTheDatabase() ? TO_A_MAIL_SERVER : INTO_THE_OUTBOX;
  }

  /** Batches of mail ids, each as "1,2,3", stored as {@link ReminderSweepProcess#MAIL_ID} keeps it. */
  public List<Object> ids(DelegateExecution execution) {
    String json = ReminderSweepProcess.MAIL_IDS.optionalFrom(execution).orElse("[]");
    try {
      List<Object> batches = new ArrayList<>();
      StringBuilder batch = new StringBuilder();
      int inBatch = 0;
      for (var id : JSON.readTree(json)) {
        batch.append(inBatch == 0 ? "" : ",").append(id.asText());
        if (++inBatch == size) {
          batches.add(ReminderSweepProcess.MAIL_ID.asStored(batch.toString()));
          batch.setLength(0);
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        batches.add(ReminderSweepProcess.MAIL_ID.asStored(batch.toString()));
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
