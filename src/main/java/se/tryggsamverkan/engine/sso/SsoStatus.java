package se.tryggsamverkan.engine.sso;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether this installation logs in through an identity provider: the web applications' script asks, to send a
 * user who logged out of Tasklist on to the provider's logout instead of Camunda's password form.
 */
@RestController
class SsoStatus {

  private final ObjectProvider<SsoAuthentication> sso;

  SsoStatus(ObjectProvider<SsoAuthentication> sso) {
    this.sso = sso;
  }

  @GetMapping("/sso/status")
  Map<String, Object> status() {
    boolean enabled = sso.getIfAvailable() != null;
    return enabled ? Map.of("enabled", true, "logout", SsoSecurity.LOG_OUT) : Map.of("enabled", false);
  }
}
