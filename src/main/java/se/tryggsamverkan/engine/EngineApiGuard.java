package se.tryggsamverkan.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.tryggsamverkan.web.Faults;

/**
 * What the engine's own APIs ({@code /engine-rest} and the web applications' {@code /camunda/api/engine}) must not
 * do for a user, whatever the engine itself would allow:
 * <ul>
 *   <li>Task attachments are closed. The engine checks no municipality (tenant) on them once a task is completed, so
 *       anyone logged in could read or delete another municipality's yearly report by its ids. Nothing the users
 *       use needs them (Tasklist 7.24 shows none); reports are read from the project's archive (ADR 5).</li>
 *   <li>Comments are read per task and added (Tasklist); one by one, changed or on a process instance they are
 *       closed, since the engine checks no municipality there. External tasks are closed: the product has none.</li>
 *   <li>Another municipality's task is "not found" (404), not the engine's 500 ("ENGINE-13034 ... belongs to no
 *       authenticated tenant"): it is no server error, and the answer tells nothing about the task. So is a task or
 *       instance id that does not exist ("Cannot find ..."), and a call that lacks a value the engine needs is a
 *       400: the engine answers both with 500 (NullValueException).</li>
 *   <li>Two people who change the same thing at the same moment get 409 and a Swedish message, not the engine's
 *       500: a task someone else claimed first ("is already claimed by someone else"), and a change that met
 *       another transaction more often than {@link SameMomentRetry} tries ("ENGINE-03005 ... updated by another
 *       transaction concurrently").</li>
 *   <li>A database fault stays a 500. The engine answers it in English without details and logs the cause; the
 *       caller gets {@link Faults}' Swedish message instead, with a reference the log has next to the cause.</li>
 * </ul>
 */
@Configuration
class EngineApiGuard {

  static final String ATTACHMENTS_CLOSED = "Bilagor hanteras inte här. Årsrapporterna finns i arkivet: "
      + "/api/tenants/{kommun}/agreements/{id}/years/{år}/reports";
  static final String NOT_FOUND = "Uppgiften eller ärendet finns inte, eller hör till en annan kommun.";
  static final String INCOMPLETE = "Anropet saknar en uppgift som behövs.";
  static final String COMMENTS_CLOSED = "Kommentarer läses per uppgift och läggs till; de ändras och tas inte bort.";
  static final String NO_EXTERNAL_TASKS = "Produkten har inga externa uppgifter.";
  static final String NOT_DELETABLE = "Uppgiften hör till ett pågående ärende och kan inte tas bort.";
  static final String CONCURRENT = "Någon annan ändrade samma ärende i samma stund. Ladda om och försök igen.";
  static final String CLAIMED = "Någon annan har redan tagit uppgiften. Ladda om listan för att se vem.";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineApiGuardFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
    registration.setName("engine-api-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // before authentication: a closed door is closed to everyone, and no engine call is made for it
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_TENANT = "ENGINE-13034";
    private static final Pattern ATTACHMENT = Pattern.compile(".*/task/[^/]+/attachment(/.*)?");
    /**
     * Comments one by one, their changes, and process instances' comments: the engine checks no municipality there
     * (a comment of another municipality's task was read by its id). Tasklist lists a task's comments and adds
     * one, which stay open: GET /task/{id}/comment and POST /task/{id}/comment/create.
     */
    private static final Pattern COMMENT = Pattern.compile(".*/(task/[^/]+/comment/(?!create$)[^/]+"
        + "|process-instance/[^/]+/comment(/.*)?)");
    private static final Pattern COMMENT_CHANGE = Pattern.compile(".*/task/[^/]+/comment");
    /**
     * External tasks: the product has none, and the web applications' API cannot long-poll for them (its servlet
     * does not support async requests: fetchAndLock answered 500).
     */
    private static final Pattern EXTERNAL_TASK = Pattern.compile(".*/external-task(/.*)?");
    /** The engine's 500s that answer a call naming something that is not there (or not the caller's). */
    private static final List<String> NOT_THERE = List.of(OTHER_TENANT, "Cannot find", "No job found",
        "does not have a subscription", "ENGINE-13043");
    /** The engine's answers to two transactions that changed the same thing at once (as itself, or wrapped). */
    private static final List<String> CONCURRENT_CHANGE = List.of("\"OptimisticLockingException\"", "ENGINE-03005");
    /** The engine's refusal of a claim of a task that has an assignee already. */
    private static final String ALREADY_CLAIMED = "is already claimed by someone else";
    /** The engine's answer to a database error (it logs the cause, with the statement, itself). */
    private static final String DATABASE_FAULT = "\"ProcessEnginePersistenceException\"";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (ATTACHMENT.matcher(path).matches()) {
        LOG.info("Refused {} {}: task attachments are closed on the engine's APIs", request.getMethod(), path);
        answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", ATTACHMENTS_CLOSED);
        return;
      }
      if (EXTERNAL_TASK.matcher(path).matches()) {
        LOG.info("Refused {} {}: the product has no external tasks", request.getMethod(), path);
        answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", NO_EXTERNAL_TASKS);
        return;
      }
      if (COMMENT.matcher(path).matches()
          || COMMENT_CHANGE.matcher(path).matches() && !"GET".equals(request.getMethod())) {
        LOG.info("Refused {} {}: comments are read per task and added, nothing else", request.getMethod(), path);
        answer(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", COMMENTS_CLOSED);
        return;
      }
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
        String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
        // a null the engine ran into: a missing value in the call, or an id that names nothing
        boolean missing = body.contains("NullValueException") || body.contains(" is null");
        if (body.contains(ALREADY_CLAIMED)) {
          LOG.info("Answered {} {} as a conflict: {}", request.getMethod(), path, body);
          wrapper.resetBuffer();
          answer(wrapper, HttpServletResponse.SC_CONFLICT, "TaskAlreadyClaimedException", CLAIMED);
        } else if (CONCURRENT_CHANGE.stream().anyMatch(body::contains)) {
          LOG.info("Answered {} {} as a conflict: {}", request.getMethod(), path, body);
          wrapper.resetBuffer();
          answer(wrapper, HttpServletResponse.SC_CONFLICT, "OptimisticLockingException", CONCURRENT);
        } else if (NOT_THERE.stream().anyMatch(body::contains)) {
          LOG.info("Answered {} {} as not found: {}", request.getMethod(), path, body);
          wrapper.resetBuffer();
          answer(wrapper, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException", NOT_FOUND);
        } else if (body.contains("because is part of a running process")) {
          LOG.info("Answered {} {} as forbidden: {}", request.getMethod(), path, body);
          wrapper.resetBuffer();
          answer(wrapper, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", NOT_DELETABLE);
        } else if (missing) {
          LOG.info("Answered {} {} as a bad request: {}", request.getMethod(), path, body);
          wrapper.resetBuffer();
          answer(wrapper, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", INCOMPLETE);
        } else if (body.contains(DATABASE_FAULT)) {
          String reference = Faults.reference();
          LOG.error("Database error on {} {}, reference {}: the engine logged its cause just before",
              request.getMethod(), path, reference);
          wrapper.resetBuffer();
          answer(wrapper, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "ProcessEngineException",
              Faults.message(reference));
        }
      }
      wrapper.copyBodyToResponse();
    }

    private static void answer(HttpServletResponse response, int status, String type, String message)
        throws IOException {
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      byte[] body = JSON.writeValueAsBytes(Map.of("type", type, "message", message));
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
