package se.tryggsamverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import se.tryggsamverkan.support.ShippedConfiguration;

/**
 * The API's description and Swagger UI are served in the embedded default and, in production, only when the operator
 * asks for them (API_DOCS=true): read through Spring Boot's own configuration loading of the product's files.
 * That the embedded default really serves them over HTTP is PlanApiSecurityTest's.
 */
class ApiDocsByProfileTest {

  @Test
  void theEmbeddedDefaultServesTheApiDescription() {
    assertThat(apiDocs()).containsExactly("true", "true");
  }

  @Test
  void productionLeavesThemOffUnlessTheOperatorAsks() {
    assertThat(apiDocs("--spring.profiles.active=postgres")).containsExactly("false", "false");
    assertThat(apiDocs("--spring.profiles.active=postgres", "--API_DOCS=true")).containsExactly("true", "true");
  }

  @Test
  void theEmbeddedDefaultCanTurnThemOffToo() {
    assertThat(apiDocs("--API_DOCS=false")).containsExactly("false", "false");
  }

  private static String[] apiDocs(String... args) {
    Environment env = ShippedConfiguration.environment(args);
    return new String[] {env.getProperty("springdoc.api-docs.enabled"), env.getProperty("springdoc.swagger-ui.enabled")};
  }
}
