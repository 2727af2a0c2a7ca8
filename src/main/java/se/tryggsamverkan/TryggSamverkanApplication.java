package se.tryggsamverkan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

@SpringBootApplication
public class TryggSamverkanApplication {

  /**
   * Starts the product. With {@code -Dtrygg.startup.jfr=true} each start-up step (every bean, with its name and
   * time) is also a Java Flight Recorder event, for finding what makes a start slow: run with
   * {@code -XX:StartFlightRecording=filename=start.jfr} and read {@code jfr print --events spring.* start.jfr}.
   */
  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(TryggSamverkanApplication.class);
    if (Boolean.getBoolean("trygg.startup.jfr")) {
      application.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    application.run(args);
  }
}
