package se.tryggsamverkan.plan.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI tryggSamverkanApi() {
    return new OpenAPI()
        .info(new Info().title("trygg-samverkan API").version("1")
            .description("Läs planens innehåll per kommun. Logga in med HTTP Basic (samma konto som i Tasklist); "
                + "du ser bara dina egna kommuner."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}
