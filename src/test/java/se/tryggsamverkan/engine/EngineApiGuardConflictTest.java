package se.tryggsamverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The engine's 500s for two changes at the same moment, as its REST API writes them, through the guard: a 409 with
 * the Swedish message. (CompletionAtTheSameMomentTest makes them happen; with the retry on, they reach a user only
 * when a change meets others three times, which no test can make happen for certain.)
 */
class EngineApiGuardConflictTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // the engine's own exception, as REST /task/{id}/complete answers it
      "/engine-rest/task/t1/complete|{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution "
          + "of 'UPDATE ExecutionEntity[e1]' failed. Entity was updated by another transaction concurrently.\","
          + "\"code\":1}|Någon annan ändrade samma ärende i samma stund. Ladda om och försök igen.",
      // wrapped by the form submission, as Tasklist gets it
      "/camunda/api/engine/engine/default/task/t1/submit-form|{\"type\":\"RestException\",\"message\":\"Cannot "
          + "submit task form t1: ENGINE-03005 Execution of 'UPDATE ExecutionEntity[e1]' failed. Entity was updated "
          + "by another transaction concurrently.\",\"code\":1}|Någon annan ändrade samma ärende i samma stund. Ladda "
          + "om och försök igen.",
      // a claim of a task someone else holds
      "/engine-rest/task/t1/claim|{\"type\":\"TaskAlreadyClaimedException\",\"message\":\"Task 't1' is already "
          + "claimed by someone else.\",\"code\":0}|Någon annan har redan tagit uppgiften. Ladda om listan för att se "
          + "vem."})
  void aChangeThatMetAnotherIsAConflictInSwedish(String path, String engineAnswer, String swedish) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setRequestURI(path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain engine = (req, res) -> {
      HttpServletResponse http = (HttpServletResponse) res;
      http.setStatus(500);
      http.setContentType("application/json");
      http.getOutputStream().write(engineAnswer.getBytes(StandardCharsets.UTF_8));
    };

    new EngineApiGuard.Guard().doFilter(request, response, engine);

    assertThat(response.getStatus()).isEqualTo(409);
    JsonNode body = new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(body.path("message").asText()).isEqualTo(swedish);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("ENGINE-", "Entity", "claimed");
  }
}
