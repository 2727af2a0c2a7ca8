package se.tryggsamverkan.engine.sso;

import jakarta.servlet.FilterConfig;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Single sign-on with OpenID Connect, on the profile {@code sso} (see application-sso.yaml): Tasklist, Cockpit,
 * Admin, the overview and the administrators' page log in through the identity provider; {@code /api} and
 * {@code /engine-rest} take its bearer tokens besides HTTP Basic. A login without a municipality or a role ends on a
 * Swedish page instead of an empty Tasklist. Without the profile, Spring Security is not configured at all
 * (application.yaml excludes its auto-configurations) and every request goes to the engine's own logins.
 */
@Configuration
@Profile("sso")
@EnableWebSecurity
@EnableConfigurationProperties(SsoSettings.class)
class SsoSecurity {

  /** Granted to a login that has work here (SsoUser.mayWork): what the web applications require. */
  static final String MAY_WORK = "TRYGG_MAY_WORK";
  static final String NO_ACCESS_PAGE = "/sso/ingen-behorighet.html";
  static final String LOGGED_OUT_PAGE = "/sso/utloggad.html";
  static final String LOG_OUT = "/sso/logga-ut";

  /** The APIs: a bearer token when there is one; Basic and the browser's login are checked by the engine's filters. */
  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http) throws Exception {
    // path matchers, not Spring MVC's: /engine-rest and /camunda are served by Jersey and Camunda's servlets
    return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .build();
  }

  /** The browser: the web applications and our pages log in through the identity provider. */
  @Bean
  @Order(2)
  SecurityFilterChain browser(HttpSecurity http, ClientRegistrationRepository clients, SsoSettings settings)
      throws Exception {
    OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(clients);
    logout.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT_PAGE);
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/sso/**"), path("/error"), path("/actuator/**"), path("/favicon.ico")).permitAll()
            // our pages and the scripts they share (/gemensamt/) as the web applications
            .requestMatchers(path("/camunda/**"), path("/oversikt/**"), path("/admin/**"), path("/gemensamt/**"))
            .hasAuthority(MAY_WORK)
            .anyRequest().permitAll())
        .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users(settings))))
        .exceptionHandling(errors -> errors.accessDeniedPage(NO_ACCESS_PAGE))
        .logout(out -> out.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, LOG_OUT))
            .logoutSuccessHandler(logout))
        // Camunda's CsrfPreventionFilter guards its API; ours takes a browser's write only with X-Requested-With
        .csrf(csrf -> csrf.disable())
        // Camunda's HeaderSecurityFilter sets the web applications' headers
        .headers(headers -> headers.disable())
        .build();
  }

  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /** The provider's user, with {@link #MAY_WORK} when the token gives a role in a municipality (or administration). */
  private static OAuth2UserService<OidcUserRequest, OidcUser> users(SsoSettings settings) {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      // whether the municipalities exist is checked at the engine; here the claims decide
      SsoUser ours = SsoUser.from(user.getClaims(), settings, tenant -> true);
      Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
      if (ours != null && ours.mayWork()) {
        authorities.add(new SimpleGrantedAuthority(MAY_WORK));
      }
      String name = user.getClaims().containsKey(settings.userIdClaim()) ? settings.userIdClaim() : "sub";
      return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), name);
    };
  }

  /** Camunda's web applications take the user Spring Security logged in (container-based authentication). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsSingleSignOn(SsoAuthentication sso,
      ObjectProvider<ProcessEngine> engine) {
    ContainerBasedAuthenticationFilter filter = new ContainerBasedAuthenticationFilter() {
      @Override
      public void init(FilterConfig config) {
        authenticationProvider = sso.webapps();
      }

      @Override
      protected ProcessEngine getAddressedEngine(String engineName) {
        return engine.getObject();
      }
    };
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("single-sign-on-webapps");
    registration.addUrlPatterns("/camunda/*");
    // after Spring Security's filter chain, which knows the user, and before Camunda's own
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
