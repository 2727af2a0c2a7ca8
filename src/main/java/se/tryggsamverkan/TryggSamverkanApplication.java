package se.tryggsamverkan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TryggSamverkanApplication {

  public static void main(String[] args) {
    SpringApplication.run(TryggSamverkanApplication.class, args);
  }
}
