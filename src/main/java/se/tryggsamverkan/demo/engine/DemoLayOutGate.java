package se.tryggsamverkan.demo.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo is laid out at the first start, everything but the actuator answers 503 with a Swedish word on
 * when to come back (a browser gets a page that reloads itself). The web server is up by then (the lay-out runs after the application has started), but the
 * engine's clock stands in a year gone by and the lay-out completes the tasks it finds: a user who logged in and
 * did a task then would do it on the wrong date, or take one the lay-out is about to do and stop it half-way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "trygg.demo.enabled", havingValue = "true")
class DemoLayOutGate extends OncePerRequestFilter {

  static final String MESSAGE = "Demodata läggs upp (första starten). Försök igen om en stund: allt är klart när "
      + "loggen skriver \"Ready\".";
  /** Seconds a browser or client is told to wait before it asks again. */
  static final int RETRY_AFTER = 10;

  /** The page a browser gets: the same, in HTML, and it reloads itself. */
  static final String PAGE = "demo/laggs-upp.html";

  private final byte[] page;
  private volatile boolean layingOut;

  DemoLayOutGate() {
    try (InputStream in = DemoLayOutGate.class.getClassLoader().getResourceAsStream(PAGE)) {
      page = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("The demo's waiting page " + PAGE + " is missing from the build", e);
    }
  }

  void closeWhile(Runnable layOut) {
    layingOut = true;
    try {
      layOut.run();
    } finally {
      layingOut = false;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!layingOut || path.startsWith("/actuator/")) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER));
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/html")) {
      response.setContentType("text/html;charset=UTF-8");
      response.getOutputStream().write(page);
    } else {
      response.setContentType("text/plain;charset=UTF-8");
      response.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.UTF_8));
    }
  }
}
