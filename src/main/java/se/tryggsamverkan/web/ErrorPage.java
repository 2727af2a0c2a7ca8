package se.tryggsamverkan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import se.tryggsamverkan.documents.Documents;

/**
 * The page a browser gets for a refusal or a fault, in Swedish, instead of Spring Boot's English fallback page.
 * The refusal's own words are shown when the project wrote them (a {@link ResponseStatusException}'s reason); a
 * fault shows its reference (see {@link ServerFaults}); a framework's English (a missing resource, a method not
 * allowed) is replaced by the messages file's text for the status.
 */
@Component
class ErrorPage implements ErrorViewResolver {

  private final Documents documents;
  private final ErrorAttributes errors;

  ErrorPage(Documents documents, ErrorAttributes errors) {
    this.documents = documents;
    this.errors = errors;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Map<String, Object> page = new HashMap<>();
    page.put("status", status.value());
    page.put("heading", text("fel.rubrik.", status));
    page.put("explanation", text("fel.text.", status));
    page.put("message", shownMessage(request, status, model));
    String html = documents.render("fel", page);
    View view = new View() {
      @Override
      public String getContentType() {
        return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
      }

      @Override
      public void render(Map<String, ?> ignored, HttpServletRequest req, HttpServletResponse response)
          throws IOException {
        response.setContentType(getContentType());
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
      }
    };
    ModelAndView answer = new ModelAndView(view);
    answer.setStatus(status);
    return answer;
  }

  private Object shownMessage(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    if (status.is5xxServerError()) {
      return model.get("message");
    }
    Throwable error = errors.getError(new ServletWebRequest(request));
    return error instanceof ResponseStatusException refusal ? refusal.getReason() : null;
  }

  private String text(String prefix, HttpStatus status) {
    try {
      return documents.message(prefix + status.value());
    } catch (NoSuchMessageException e) {
      return documents.message(prefix + (status.is5xxServerError() ? "5xx" : "4xx"));
    }
  }
}
