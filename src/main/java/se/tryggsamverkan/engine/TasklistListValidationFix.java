package se.tryggsamverkan.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Works around a Tasklist 7.24 bug that would stop coordinators at every form with a list: form-js reports a
 * field inside a dynamic list that has no errors as an empty error list, and Tasklist counts any entry as an
 * error, so "Slutför/Complete" stays disabled until the user presses "Save". This filter changes that one check
 * in the Tasklist script as it is served, to count only real errors. If a Camunda upgrade changes the script,
 * the filter logs it and serves the script untouched.
 */
@Configuration
class TasklistListValidationFix {

  static final String BROKEN = "var t=!!Object.keys(e.errors).length;h.notifyFormValidated(t)";
  static final String FIXED = "var t=Object.keys(e.errors).some(function(k){var x=e.errors[k];"
      + "return Array.isArray(x)?x.some(function(r){return r&&(Array.isArray(r)?r.length>0:true)}):!!x});"
      + "h.notifyFormValidated(t)";
  private static final Logger LOG = LoggerFactory.getLogger(TasklistListValidationFix.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> tasklistListValidation() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Patch());
    registration.setName("tasklist-list-validation-fix");
    registration.addUrlPatterns("/camunda/app/tasklist/camunda-tasklist-bootstrap.js");
    return registration;
  }

  static final class Patch extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() != HttpServletResponse.SC_OK) {
        wrapper.copyBodyToResponse();
        return;
      }
      String script = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      if (!script.contains(BROKEN)) {
        LOG.warn("Tasklist's form validation check has changed; the dynamic-list workaround is not applied");
        wrapper.copyBodyToResponse();
        return;
      }
      byte[] patched = script.replace(BROKEN, FIXED).getBytes(StandardCharsets.UTF_8);
      wrapper.resetBuffer();
      response.setContentLength(patched.length);
      response.getOutputStream().write(patched);
    }
  }
}
