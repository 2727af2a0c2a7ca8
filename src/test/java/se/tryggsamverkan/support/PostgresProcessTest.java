package se.tryggsamverkan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A process test: the whole application (on a random port) with its own PostgreSQL database, no demo data, and the job executor
 * off so that the test runs timers itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "trygg.demo.enabled=false",
    // no test asks the real Kolada: the nightly refresh is off, StatisticsTest serves Kolada's API itself
    "trygg.statistics.kolada.refresh-cron=-",
    "camunda.bpm.job-execution.enabled=false",
    "trygg.admin.password=",
    // the tests' own users have the password "test"; PasswordPolicyTest checks the policy itself
    "trygg.password-policy=false",
    // Spring Boot turns metrics export off in tests; the operations test reads /actuator/prometheus
    "management.prometheus.metrics.export.enabled=true"})
@ContextConfiguration(initializers = EmbeddedPostgres.class)
public @interface PostgresProcessTest {
}
