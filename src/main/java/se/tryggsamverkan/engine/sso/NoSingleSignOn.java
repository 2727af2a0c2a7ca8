package se.tryggsamverkan.engine.sso;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Without single sign-on, Spring Security (on the classpath for it) stays out of the way: a filter chain that
 * matches no request, so that the engine's own logins (HTTP Basic, the web applications' login form) work as before
 * and Spring Boot creates no default login of its own.
 */
@Configuration
@Profile("!sso")
@EnableWebSecurity
class NoSingleSignOn {

  @Bean
  SecurityFilterChain engineLoginsOnly(HttpSecurity http) throws Exception {
    return http.securityMatcher(request -> false).build();
  }
}
