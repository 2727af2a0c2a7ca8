package se.tryggsamverkan.engine.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The engine's side of single sign-on: whom Spring Security authenticated on this request (a browser's OpenID
 * Connect login, or a bearer token), as a Camunda authentication with the groups and tenants their token gives; and
 * that user kept in the engine's directory (name, e-mail, role groups and municipalities exactly as the token says),
 * so that reminders reach them and the plan's checks ("a user of the municipality") know them.
 */
@Component
@Profile("sso")
public class SsoAuthentication {

  private static final Logger LOG = LoggerFactory.getLogger(SsoAuthentication.class);
  /** The same token contents are written to the directory once per this many milliseconds at most. */
  private static final long RESYNC_NANOS = 5L * 60 * 1_000_000_000L;

  private final SsoSettings settings;
  private final Map<String, Synced> synced = new ConcurrentHashMap<>();

  private record Synced(SsoUser user, long at) {
  }

  SsoAuthentication(SsoSettings settings) {
    this.settings = settings;
  }

  /**
   * The user Spring Security authenticated on this request, kept in the engine's directory; null when it
   * authenticated nobody. {@code browserLogins}: whether a browser's login counts, or only a bearer token.
   */
  SsoUser current(ProcessEngine engine, boolean browserLogins) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Map<String, Object> claims = null;
    if (authentication instanceof JwtAuthenticationToken jwt) {
      claims = jwt.getToken().getClaims();
    } else if (browserLogins && authentication instanceof OAuth2AuthenticationToken login
        && login.getPrincipal() instanceof OidcUser user) {
      claims = user.getClaims();
    }
    if (claims == null) {
      return null;
    }
    IdentityService identity = engine.getIdentityService();
    SsoUser user = SsoUser.from(claims, settings,
        tenant -> identity.createTenantQuery().tenantId(tenant).count() > 0);
    if (user != null && user.mayWork()) {
      keepInDirectory(identity, user);
    }
    return user;
  }

  /** Wraps a provider of the engine's REST API or our JSON API: a single sign-on user first, else the provider. */
  public AuthenticationProvider before(AuthenticationProvider otherwise, boolean browserLogins) {
    return new AuthenticationProvider() {
      @Override
      public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        SsoUser user = current(engine, browserLogins);
        if (user == null) {
          return otherwise.extractAuthenticatedUser(request, engine);
        }
        return result(user);
      }

      @Override
      public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        otherwise.augmentResponseByAuthenticationChallenge(response, engine);
      }
    };
  }

  /** For Camunda's web applications: only a single sign-on user. */
  AuthenticationProvider webapps() {
    return new AuthenticationProvider() {
      @Override
      public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        SsoUser user = current(engine, true);
        return user == null ? AuthenticationResult.unsuccessful() : result(user);
      }

      @Override
      public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security sends the browser to the identity provider
      }
    };
  }

  private static AuthenticationResult result(SsoUser user) {
    if (!user.mayWork()) {
      return AuthenticationResult.unsuccessful(user.userId());
    }
    AuthenticationResult result = AuthenticationResult.successful(user.userId());
    result.setGroups(user.groups());
    result.setTenants(user.tenants());
    return result;
  }

  /** Creates or updates the user, and sets their role groups and municipalities to exactly the token's. */
  private void keepInDirectory(IdentityService identity, SsoUser user) {
    Synced last = synced.get(user.userId());
    if (last != null && last.user().equals(user) && System.nanoTime() - last.at() < RESYNC_NANOS) {
      return;
    }
    synchronized (this) {
      User existing = identity.createUserQuery().userId(user.userId()).singleResult();
      boolean first = existing == null;
      if (first) {
        existing = identity.newUser(user.userId());
        LOG.info("Single sign-on: {} appears for the first time, groups {} municipalities {}", user.userId(),
            user.groups(), user.tenants());
      }
      if (first || !Objects.equals(existing.getFirstName(), user.firstName())
          || !Objects.equals(existing.getLastName(), user.lastName())
          || !Objects.equals(existing.getEmail(), user.email())) {
        existing.setFirstName(user.firstName());
        existing.setLastName(user.lastName());
        existing.setEmail(user.email());
        identity.saveUser(existing);
      }
      var groups = identity.createGroupQuery().groupMember(user.userId()).list().stream().map(g -> g.getId())
          .filter(SsoUser.GIVEN_GROUPS::contains).toList();
      groups.stream().filter(g -> !user.groups().contains(g))
          .forEach(g -> identity.deleteMembership(user.userId(), g));
      user.groups().stream().filter(g -> !groups.contains(g)).forEach(g -> identity.createMembership(user.userId(), g));
      var tenants = identity.createTenantQuery().userMember(user.userId()).list().stream().map(Tenant::getId).toList();
      tenants.stream().filter(t -> !user.tenants().contains(t))
          .forEach(t -> identity.deleteTenantUserMembership(t, user.userId()));
      user.tenants().stream().filter(t -> !tenants.contains(t))
          .forEach(t -> identity.createTenantUserMembership(t, user.userId()));
      synced.put(user.userId(), new Synced(user, System.nanoTime()));
    }
  }
}
