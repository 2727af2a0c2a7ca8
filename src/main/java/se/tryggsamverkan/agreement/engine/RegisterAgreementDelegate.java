package se.tryggsamverkan.agreement.engine;

import static se.tryggsamverkan.agreement.engine.AgreementProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRegistration;
import se.tryggsamverkan.agreement.NewAgreement;
import se.tryggsamverkan.common.InvalidInputException;

/** {@code Task_RegisterAgreement}: checks and stores the agreement typed into the start form. */
@Component
class RegisterAgreementDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final AgreementRegistration registration;

  RegisterAgreementDelegate(AgreementRegistration registration) {
    this.registration = registration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewAgreement input = new NewAgreement(execution.getTenantId(),
        MUNICIPALITY.optionalFrom(execution).orElse(null), POLICE_AREA.optionalFrom(execution).orElse(null),
        PERIOD_START.optionalFrom(execution).orElse(null), PERIOD_END.optionalFrom(execution).orElse(null),
        POLICE_COORDINATOR.optionalFrom(execution).orElse(null),
        MUNICIPAL_COORDINATOR.optionalFrom(execution).orElse(null),
        POLICE_STEERING_MEMBER.optionalFrom(execution).orElse(null),
        MUNICIPAL_STEERING_MEMBER.optionalFrom(execution).orElse(null),
        FIRST_CHAIR.optionalFrom(execution).orElse(null),
        deadlines(DEADLINES.optionalFrom(execution).orElse(null)),
        COUNCIL_DAY_OF_MONTH.optionalFrom(execution).orElse(null), COUNCIL_TIME.optionalFrom(execution).orElse(null),
        COUNCIL_PLACE.optionalFrom(execution).orElse(null),
        SMALL_CHANGES_BY_COORDINATORS.optionalFrom(execution).orElse(null));
    Agreement agreement = registration.register(input, execution.getProcessInstanceId(),
        REGISTERED_BY.optionalFrom(execution).orElse(null));
    AGREEMENT_ID.set(execution, agreement.id());
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      // started from Tasklist's form, which gives no business key: the cycles were named "-2027"
      execution.setProcessBusinessKey(agreement.tenantId() + "-" + agreement.periodStart().getYear() + "-"
          + agreement.periodEnd().getYear());
    }
  }

  private static Map<String, String> deadlines(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of("deadlines", "Tidsfristerna ska anges som {\"STEG\": \"MM-DD\"}");
    }
  }
}
