package se.tryggsamverkan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A real HTTP client against the application under test, logging in with HTTP Basic. */
public final class Http {

  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final int port;

  public Http(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(request(path, user, password).GET().build());
  }

  public HttpResponse<byte[]> getBytes(String path, String user, String password) {
    try {
      return client.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException("HTTP call failed: " + path, e);
    }
  }

  public HttpResponse<String> post(String path, String user, String password, String body) {
    return send(request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Any method, with a JSON body or none. */
  public HttpResponse<String> send(String method, String path, String user, String password, String body) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    return send(request(path, user, password).header("Content-Type", "application/json").method(method, publisher)
        .build());
  }

  /** Any method, with a body of the given content type (a CSV file, for instance). */
  public HttpResponse<String> send(String method, String path, String user, String password, String body,
      String contentType) {
    return send(request(path, user, password).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** GETs a path that must answer 200 and returns its JSON. */
  public JsonNode json(String path, String user, String password) {
    HttpResponse<String> response = get(path, user, password);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("GET " + path + " did not answer JSON: " + response.body(), e);
    }
  }

  public JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("HTTP call failed: " + request.uri(), e);
    }
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }
}
