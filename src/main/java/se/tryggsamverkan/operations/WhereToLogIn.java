package se.tryggsamverkan.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last line of every start: where to log in and as whom, whether the demo was just created, already there, or
 * switched off. A newcomer who restarts the demo finds the way in without reading the README again.
 */
@Component
@Order(Integer.MAX_VALUE)
class WhereToLogIn implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(WhereToLogIn.class);

  private final Environment environment;
  private final boolean demo;
  private final String adminUser;
  private final boolean adminConfigured;

  WhereToLogIn(Environment environment, @Value("${trygg.demo.enabled:false}") boolean demo,
      @Value("${trygg.admin.user:admin}") String adminUser, @Value("${trygg.admin.password:}") String adminPassword) {
    this.environment = environment;
    this.demo = demo;
    this.adminUser = adminUser;
    this.adminConfigured = !adminPassword.isBlank();
  }

  @Override
  public void run(ApplicationArguments args) {
    LOG.info(line());
  }

  String line() {
    String base = "http://localhost:" + environment.getProperty("local.server.port",
        environment.getProperty("server.port", "8080"));
    String admin = adminConfigured ? "administrator " + adminUser : "no administrator (set ADMIN_PASSWORD)";
    if (demo) {
      return "Ready: Tasklist at " + base + "/camunda/app/tasklist/ - log in as kungsbacka.polis / demo (every demo "
          + "role in the README, 'Try it'; all passwords 'demo'); managers' overview at " + base + "/oversikt/ as "
          + "region.ledning / demo; " + admin;
    }
    return "Ready: Tasklist at " + base + "/camunda/app/tasklist/ - log in with an account of the installation; "
        + admin;
  }
}
