package se.tryggsamverkan.overview.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The overview page answers at /oversikt and /oversikt/, as people type it. */
@Configuration
class OverviewPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/oversikt", "/oversikt/");
    registry.addViewController("/oversikt/").setViewName("forward:/oversikt/index.html");
  }
}
