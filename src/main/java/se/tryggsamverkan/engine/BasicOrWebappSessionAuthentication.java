package se.tryggsamverkan.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;

/**
 * The project's JSON API accepts HTTP Basic, and the login of Camunda's web applications: a coordinator who opens
 * the report link in a Tasklist form is not asked to log in again. A write with that login must carry the header
 * {@code X-Requested-With: XMLHttpRequest}, which only a script of this site can send (another site's form or
 * script cannot without a CORS preflight, which this application never answers): so another site cannot make a
 * logged-in browser change anything.
 */
public class BasicOrWebappSessionAuthentication extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    boolean fromThisSite = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
    if ((reading || fromThisSite) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      HttpSession session = request.getSession(false);
      Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null
          && authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user) {
        return AuthenticationResult.successful(user.getName());
      }
    }
    return super.extractAuthenticatedUser(request, engine);
  }
}
