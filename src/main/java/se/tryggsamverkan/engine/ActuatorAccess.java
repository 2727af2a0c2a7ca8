package se.tryggsamverkan.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who reads {@code /actuator}: the status of health and its probes is open (load balancers and Kubernetes need no
 * password); health's details, the metrics and the rest only for an administrator or a member of
 * {@value IdentityBootstrap#MONITORING_GROUP}, by HTTP Basic with the engine's users. Health shows its details to
 * such a caller ({@code show-details: when-authorized}). On a management port of its own
 * ({@code MANAGEMENT_SERVER_PORT}) this filter is not in front: that port is for the monitoring network alone.
 */
@Configuration
class ActuatorAccess {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> actuatorAccessFilter(@Lazy IdentityService identity) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard(identity));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator/*", "/actuator");
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ActuatorAccess.class);
    private final IdentityService identity;

    Guard(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean probe = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
      Optional<String> user = basicUser(request);
      if (user.isPresent() && mayMonitor(user.get())) {
        chain.doFilter(new Authorized(request, user.get()), response);
      } else if (probe) {
        chain.doFilter(request, response);
      } else if (user.isPresent()) {
        LOG.info("Refused {} to '{}': not an administrator nor in '{}'", path, user.get(),
            IdentityBootstrap.MONITORING_GROUP);
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Endast för administratörer och övervakning");
      } else {
        response.setHeader("WWW-Authenticate", "Basic realm=\"trygg-samverkan, övervakning\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Logga in som administratör eller övervakning");
      }
    }

    private boolean mayMonitor(String user) {
      return identity.createGroupQuery().groupMember(user)
          .groupIdIn(Groups.CAMUNDA_ADMIN, IdentityBootstrap.MONITORING_GROUP).count() > 0;
    }

    /** The user of valid HTTP Basic credentials, or empty. */
    private Optional<String> basicUser(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return Optional.empty();
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      String user = decoded.substring(0, colon);
      return identity.checkPassword(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
    }
  }

  /** The request as Spring Boot's actuator sees an authorized caller: a principal in every role. */
  private static final class Authorized extends HttpServletRequestWrapper {
    private final String user;

    Authorized(HttpServletRequest request, String user) {
      super(request);
      this.user = user;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> user;
    }

    @Override
    public String getRemoteUser() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return true;
    }
  }
}
