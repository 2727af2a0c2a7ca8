package se.tryggsamverkan.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.tryggsamverkan.common.InvalidInputException;

/**
 * A refused form submit reaches Tasklist as the engine's 500 with the Swedish message buried in technical
 * wrapping ("ENGINE-03051 There was an exception while invoking the TaskListener..."). This filter answers such a
 * refusal as what it is: 400 with just the Swedish message, which Tasklist shows beside the form it keeps.
 */
@Configuration
class RefusalMessages {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> swedishRefusals() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Unwrap());
    registration.setName("swedish-refusals");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  static final class Unwrap extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      String refusal = wrapper.getStatus() >= 400 ? refusal(new String(wrapper.getContentAsByteArray(),
          StandardCharsets.UTF_8)) : null;
      if (refusal == null) {
        wrapper.copyBodyToResponse();
        return;
      }
      wrapper.resetBuffer();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      byte[] body = JSON.writeValueAsBytes(Map.of("type", "InvalidInputException", "message", refusal));
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }

    /** The Swedish refusal inside an engine error body, or null if the body holds none. */
    static String refusal(String body) {
      int start = body.indexOf(InvalidInputException.PREFIX);
      if (start < 0) {
        return null;
      }
      String message;
      try {
        message = JSON.readTree(body).path("message").asText(body);
      } catch (IOException e) {
        message = body;
      }
      start = message.indexOf(InvalidInputException.PREFIX);
      if (start < 0) {
        return null;
      }
      String refusal = message.substring(start);
      // the engine quotes the listener's message: "... Message: 'Exception while invoking TaskListener: <ours>'"
      return refusal.endsWith("'") ? refusal.substring(0, refusal.length() - 1) : refusal;
    }
  }
}
