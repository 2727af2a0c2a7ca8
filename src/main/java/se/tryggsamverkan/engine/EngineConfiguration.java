package se.tryggsamverkan.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The few places where the product reaches into the engine's configuration. */
@Configuration
class EngineConfiguration {

  /** The application's records (who did what, when) use the engine's time, so both move together. */
  @Bean
  java.time.Clock applicationClock(EngineClock clock) {
    return clock.asClock();
  }

  @Bean
  ProcessEnginePlugin tenantPerMunicipality(EngineClock clock) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // before the job executor starts, so that no timer fires on the wrong day
        clock.applyDemoDay();
        configuration.setTenantIdProvider(new TenantOfStarter());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new FormRulesListener());
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine processEngine) {
        // nothing: identity, groups and authorizations are set up by IdentityBootstrap
      }
    };
  }

  /** The engine's REST API answers only authenticated callers (HTTP Basic), with their groups and tenants applied. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication() {
    return authentication("camunda-rest-authentication", HttpBasicAuthenticationProvider.class, "/engine-rest/*");
  }

  /**
   * The project's JSON API: HTTP Basic, or for reading also the web applications' login (report links in forms).
   * Authenticates against this application's own engine, not whichever engine of the name "default" the JVM
   * registered last (two applications in one JVM, as in the two-node test).
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> jsonApiAuthentication(ObjectProvider<ProcessEngine> engine) {
    return authentication("json-api-authentication", new ProcessEngineAuthenticationFilter() {
      @Override
      protected ProcessEngine getAddressedEngine(String engineName) {
        return engine.getObject();
      }
    }, BasicOrWebappSessionAuthentication.class, "/api/tenants/*", "/api/overview", "/api/admin/*");
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentication(String name,
      Class<?> provider, String... urlPatterns) {
    return authentication(name, new ProcessEngineAuthenticationFilter(), provider, urlPatterns);
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentication(String name,
      ProcessEngineAuthenticationFilter filter, Class<?> provider, String... urlPatterns) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        provider.getName());
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }
}
