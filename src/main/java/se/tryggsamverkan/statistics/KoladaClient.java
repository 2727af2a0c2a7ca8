package se.tryggsamverkan.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Reads Kolada's open API (v3): the figures of some KPIs for some areas and years, following the pages, and a
 * municipality's id from its name. Every failure (no network, a timeout, an error status, an answer that is not
 * Kolada's shape) is a {@link KoladaUnavailable} with a precise message for the log; the caller decides what the
 * user sees. Nothing here runs inside a task's transaction.
 */
@Component
public class KoladaClient {

  private static final Logger LOG = LoggerFactory.getLogger(KoladaClient.class);
  /** Kolada refuses a list of more than 25 ids or years in one path segment. */
  static final int MAX_LIST = 25;
  /** A guard against an answer whose next page never ends. */
  private static final int MAX_PAGES = 100;

  /** One figure; {@code value} null when Kolada has the row but no figure. Gender "T" (total) only. */
  public record Value(String kpi, String area, int period, BigDecimal value) {
  }

  /** Kolada could not be asked, or did not answer as documented. */
  public static class KoladaUnavailable extends Exception {
    KoladaUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final KoladaSettings settings;
  /** Built when Kolada is first asked (the nightly refresh, an administrator): it costs a few hundred ms at start. */
  private final SingletonSupplier<HttpClient> http;
  private final ObjectMapper json = new ObjectMapper();

  KoladaClient(KoladaSettings settings) {
    this.settings = settings;
    this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build());
  }

  /** The figures of these KPIs for these areas and years (at most 25 of each). */
  public List<Value> values(Collection<String> kpis, Collection<String> areas, Collection<Integer> years)
      throws KoladaUnavailable {
    if (kpis.size() > MAX_LIST || areas.size() > MAX_LIST || years.size() > MAX_LIST) {
      throw new IllegalArgumentException("Kolada takes at most " + MAX_LIST + " ids or years per list");
    }
    String url = settings.baseUrl() + "/data/kpi/" + list(kpis) + "/municipality/" + list(areas) + "/year/"
        + years.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    List<Value> values = new ArrayList<>();
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      JsonNode answer = get(url);
      JsonNode rows = answer.path("values");
      if (!rows.isArray()) {
        throw new KoladaUnavailable("Kolada's answer from " + url + " has no list of values", null);
      }
      for (JsonNode row : rows) {
        total(row).ifPresent(values::add);
      }
      String next = text(answer, "next_url").orElse(text(answer, "next_page").orElse(null));
      url = rows.isEmpty() ? null : next;
    }
    return values;
  }

  /**
   * The id of the municipality (type K) whose title is this name: "Kungsbacka" for "Kungsbacka kommun", "Göteborg"
   * for "Göteborgs stad". Empty when Kolada knows no such municipality.
   */
  public Optional<String> municipalityId(String name) throws KoladaUnavailable {
    List<String> candidates = candidates(name);
    JsonNode answer = get(settings.baseUrl() + "/municipality?title="
        + URLEncoder.encode(candidates.get(candidates.size() - 1), StandardCharsets.UTF_8));
    for (String candidate : candidates) {
      for (JsonNode row : answer.path("values")) {
        if ("K".equals(row.path("type").asText()) && candidate.equalsIgnoreCase(row.path("title").asText().strip())) {
          return Optional.of(row.path("id").asText());
        }
      }
    }
    return Optional.empty();
  }

  /** The county of a municipality: Kolada's region id is "00" and the first two digits of the municipality id. */
  public static String countyOf(String municipalityId) {
    return "00" + municipalityId.substring(0, 2);
  }

  static List<String> candidates(String name) {
    String bare = name.strip().replaceAll("(?i)\\s+(kommun|stad)$", "").strip();
    List<String> names = new ArrayList<>(List.of(bare));
    if (bare.endsWith("s") && bare.length() > 2) {
      names.add(bare.substring(0, bare.length() - 1));
    }
    return names;
  }

  private JsonNode get(String url) throws KoladaUnavailable {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
        .header("Accept", "application/json").GET().build();
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.obtain().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new KoladaUnavailable("Kolada did not answer " + url + " within " + settings.timeout(), e);
    } catch (IOException e) {
      throw new KoladaUnavailable("Kolada could not be reached at " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KoladaUnavailable("Interrupted while asking Kolada " + url, e);
    }
    LOG.debug("Kolada {} answered {} in {} ms", url, response.statusCode(), (System.nanoTime() - start) / 1_000_000);
    if (response.statusCode() != 200) {
      String body = response.body() == null ? "" : response.body();
      throw new KoladaUnavailable("Kolada answered " + url + " with HTTP " + response.statusCode() + ": "
          + body.substring(0, Math.min(200, body.length())), null);
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new KoladaUnavailable("Kolada's answer from " + url + " is not JSON: " + e.getMessage(), e);
    }
  }

  /** The row's total ("T"), or its only value when it is not divided by gender. */
  private static Optional<Value> total(JsonNode row) {
    JsonNode chosen = null;
    for (JsonNode value : row.path("values")) {
      if (chosen == null || "T".equals(value.path("gender").asText())) {
        chosen = value;
      }
    }
    if (chosen == null || !row.hasNonNull("kpi") || !row.hasNonNull("municipality") || !row.hasNonNull("period")) {
      return Optional.empty();
    }
    JsonNode value = chosen.get("value");
    BigDecimal figure = value == null || value.isNull() || !value.isNumber() ? null : value.decimalValue();
    try {
      return Optional.of(new Value(row.path("kpi").asText(), row.path("municipality").asText(),
          Integer.parseInt(row.path("period").asText().strip()), figure));
    } catch (NumberFormatException e) {
      LOG.warn("Skipped a Kolada row whose period is no year: {}", row);
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty()
        : Optional.of(value.asText());
  }

  private static String list(Collection<String> ids) {
    return ids.stream().map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8)).collect(Collectors.joining(","));
  }
}
