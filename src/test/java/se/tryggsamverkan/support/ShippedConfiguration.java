package se.tryggsamverkan.support;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The product's configuration files as Spring Boot loads them for these arguments (a profile, an operator's
 * setting), without starting anything of the product: for tests of what it ships.
 */
public final class ShippedConfiguration {

  private ShippedConfiguration() {
  }

  public static Environment environment(String... args) {
    try (var context = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
      return context.getEnvironment();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}
}
