package se.tryggsamverkan.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tryggsamverkan.common.InvalidInputException;

/**
 * A refusal of ours ({@link InvalidInputException}, thrown by a listener while Tasklist or a client of
 * {@code /engine-rest} completes a task or starts a process) reaches Camunda's REST layer wrapped in the engine's
 * exceptions ("ENGINE-03051 There was an exception while invoking the TaskListener"), which Camunda answers with
 * 500 and logs as a server error (ENGINE-REST-HTTP500). These exception mappers answer it as what it is: 400 with
 * the Swedish message alone, which Tasklist shows beside the form it keeps, and one INFO line in the log naming
 * the call and the fields. The engine's refusal of a password that breaks its policy (Camunda answers 500) is
 * answered the same way.
 *
 * <p>They are mapped only when the exception carries one of our refusals ({@link ExtendedExceptionMapper#isMappable});
 * every other exception goes on to Camunda's own mappers. Their priority puts them before Camunda's mappers for
 * the same exception types (Jersey 3.1.5 and later choose by {@code @Priority} among equally close mappers).
 * {@link Discovery} registers them in every Jersey application of the installation, through
 * {@code META-INF/services}: Camunda's REST API and the web applications' own copy of it, which Tasklist uses.
 */
public final class RefusalsAsBadRequests {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalsAsBadRequests.class);
  private static final int BEFORE_CAMUNDAS_MAPPERS = 100;

  private RefusalsAsBadRequests() {
  }

  /** The engine's refusal of a password that breaks its policy (it has no exception type of its own). */
  static final String PASSWORD_POLICY = "Password does not match policy";
  static final String PASSWORD_POLICY_SWEDISH = "Lösenordet följer inte lösenordsreglerna: minst 10 tecken med "
      + "stora och små bokstäver, en siffra och ett specialtecken, och inte användarens id eller namn.";

  /** Our refusal inside an exception, however deep the engine wrapped it, as the message users read. */
  static Optional<String> refusalIn(Throwable thrown) {
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
      if (t instanceof InvalidInputException refusal) {
        return Optional.of(refusal.getMessage());
      }
      if (PASSWORD_POLICY.equals(t.getMessage())) {
        return Optional.of(PASSWORD_POLICY_SWEDISH);
      }
    }
    return Optional.empty();
  }

  static Response badRequest(Throwable thrown, Request request, UriInfo uri) {
    String refusal = refusalIn(thrown).orElseThrow();
    LOG.info("Refused {} {}: {}", request == null ? "" : request.getMethod(),
        uri == null ? "" : uri.getRequestUri().getPath(), refusal);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidInputException", "message", refusal)).build();
  }

  /** Maps an exception of type {@code E} when one of our refusals is inside; any other goes on to Camunda's. */
  abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

    @Context
    private Request request;
    @Context
    private UriInfo uri;

    @Override
    public boolean isMappable(E exception) {
      return refusalIn(exception).isPresent();
    }

    @Override
    public Response toResponse(E exception) {
      return badRequest(exception, request, uri);
    }
  }

  /** The REST layer's wrapping: {@code RestException(INTERNAL_SERVER_ERROR, engineException, ...)}. */
  @Priority(BEFORE_CAMUNDAS_MAPPERS)
  public static final class RestExceptions extends Mapper<RestException> {
  }

  /** The engine's own wrapping, where a resource lets it through unwrapped. */
  @Priority(BEFORE_CAMUNDAS_MAPPERS)
  public static final class EngineExceptions extends Mapper<ProcessEngineException> {
  }

  /** Registers both mappers in every Jersey application that does not turn auto-discovery off. */
  @Priority(BEFORE_CAMUNDAS_MAPPERS)
  public static final class Discovery implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      for (Class<?> mapper : new Class<?>[] {RestExceptions.class, EngineExceptions.class}) {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper, BEFORE_CAMUNDAS_MAPPERS);
        }
      }
    }
  }
}
