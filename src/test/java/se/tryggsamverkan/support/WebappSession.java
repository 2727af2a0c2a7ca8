package se.tryggsamverkan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** A browser's session in Tasklist: its cookie and the CSRF token the web applications ask for. */
public final class WebappSession {
  public static final String ENGINE_API = "/camunda/api/engine/engine/default";
  private final java.net.http.HttpClient client;
  private final int port;
  private final String csrf;

  private WebappSession(java.net.http.HttpClient client, int port, String csrf) {
    this.client = client;
    this.port = port;
    this.csrf = csrf;
  }

  public static WebappSession logIn(int port, String user) throws Exception {
    var cookies = new java.net.CookieManager();
    var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(java.net.http.HttpRequest.newBuilder(uri(port, "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    HttpResponse<String> login = client.send(java.net.http.HttpRequest.newBuilder(
            uri(port, "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=test")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("Tasklist login of %s: %s", user, login.body()).isEqualTo(200);
    String csrf = client.send(java.net.http.HttpRequest.newBuilder(uri(port, ENGINE_API + "/task/count")).GET()
        .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-XSRF-TOKEN").orElse(token);
    return new WebappSession(client, port, csrf);
  }

  public HttpResponse<String> send(String method, String path, String body) throws Exception {
    return client.send(java.net.http.HttpRequest.newBuilder(uri(port, path)).header("X-XSRF-TOKEN", csrf)
        .header("Content-Type", "application/json").method(method, body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A call with the session alone and the given extra headers (name, value, ...), JSON body or none. */
  public HttpResponse<String> sendWith(String method, String path, String body, String... headers) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static java.net.URI uri(int port, String path) {
    return java.net.URI.create("http://localhost:" + port + path);
  }
}
