package se.tryggsamverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
    try (var context = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
      Environment env = context.getEnvironment();
      return new String[] {env.getProperty("springdoc.api-docs.enabled"),
          env.getProperty("springdoc.swagger-ui.enabled")};
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}
}
