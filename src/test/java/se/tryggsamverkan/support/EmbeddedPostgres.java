package se.tryggsamverkan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL for the tests, started once per test run from Maven Central's binaries (no Docker).
 * Every Spring context gets a database of its own on that server, so contexts do not see each other's work.
 */
public class EmbeddedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Deque<ConfigurableApplicationContext> CONTEXTS = new ConcurrentLinkedDeque<>();
  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
      } catch (Exception e) {
        throw new IllegalStateException("Embedded PostgreSQL did not start", e);
      }
      // zonky stops the server with a shutdown hook of its own
    }
    return server;
  }

  /** Creates a fresh database and returns its JDBC URL. */
  public static String newDatabase() {
    String name = "trygg_test_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (Exception e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /**
   * Closes the applications before the server they use. Without this, the JVM's shutdown hooks race: the
   * server stops first and every application waits for its connection pool to time out.
   */
  static synchronized void stopAll() {
    ConfigurableApplicationContext context;
    while ((context = CONTEXTS.pollLast()) != null) {
      context.close();
    }
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    CONTEXTS.add(context);
    TestPropertyValues.of(
        "spring.datasource.url=" + newDatabase(),
        "spring.datasource.username=postgres",
        "spring.datasource.password=postgres",
        "spring.datasource.driver-class-name=org.postgresql.Driver").applyTo(context);
  }
}
