package se.tryggsamverkan.engine;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
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
import se.tryggsamverkan.engine.sso.SsoAuthentication;

/** The few places where the product reaches into the engine's configuration. */
@Configuration
class EngineConfiguration {

  /** The application's records (who did what, when) use the engine's time, so both move together. */
  @Bean
  java.time.Clock applicationClock(EngineClock clock) {
    return clock.asClock();
  }

  /**
   * The engine's password policy (at least 10 characters with upper and lower case, a digit and a special
   * character) is on everywhere but in the demo, unless {@code trygg.password-policy} (PASSWORD_POLICY) says.
   */
  static boolean passwordPolicy(String setting, boolean demo) {
    return setting == null || setting.isBlank() ? !demo : Boolean.parseBoolean(setting.trim());
  }

  @Bean
  ProcessEnginePlugin tenantPerMunicipality(EngineClock clock,
      @org.springframework.beans.factory.annotation.Value("${trygg.password-policy:}") String passwordPolicy,
      @org.springframework.beans.factory.annotation.Value("${trygg.demo.enabled:false}") boolean demo,
      ObjectProvider<TaskFormValues> formValues, ObjectProvider<VariablesKeptInTables> keptInTables,
      org.springframework.context.ApplicationContext context) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnablePasswordPolicy(passwordPolicy(passwordPolicy, demo));
        // before the job executor starts, so that no timer fires on the wrong day
        clock.applyDemoDay();
        configuration.setTenantIdProvider(new TenantOfStarter());
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new FormRulesListener());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
        }
        // outside the command's transaction: a claim or completion that met another at the same moment is done again
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new SameMomentRetry());
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPostCommandInterceptorsTxRequired(new java.util.ArrayList<>());
        }
        // the providers are beans that read the product's tables: looked up when a form is first opened
        configuration.getCustomPostCommandInterceptorsTxRequired().add(
            new DerivedFormValues(() -> formValues.orderedStream().toList()));
        // ${ourBean...} in a model is not first looked for as a variable in every scope (issue 18)
        configuration.setExpressionManager(new ProjectBeansFirst(context));
        // the full history, but none for the variables the product's tables keep (ADR 12)
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        if (configuration.getCustomHistoryEventHandlers() == null) {
          configuration.setCustomHistoryEventHandlers(new java.util.ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new HistoryWithoutTableCopies(keptInTables));
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine processEngine) {
        // nothing: identity, groups and authorizations are set up by IdentityBootstrap
      }
    };
  }

  /**
   * The engine's REST API answers only authenticated callers (HTTP Basic, or with single sign-on a bearer token),
   * with their groups and tenants applied.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication(ObjectProvider<ProcessEngine> engine,
      ObjectProvider<SsoAuthentication> sso) {
    return authentication("camunda-rest-authentication", new EngineAuthenticationFilter(engine, sso, false),
        HttpBasicAuthenticationProvider.class, "/engine-rest/*");
  }

  /**
   * The project's JSON API: HTTP Basic, or for reading also the web applications' login (report links in forms),
   * or with single sign-on a bearer token or the browser's login. Authenticates against this application's own
   * engine, not whichever engine of the name "default" the JVM registered last (two applications in one JVM, as in
   * the two-node test).
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> jsonApiAuthentication(ObjectProvider<ProcessEngine> engine,
      ObjectProvider<SsoAuthentication> sso) {
    return authentication("json-api-authentication", new EngineAuthenticationFilter(engine, sso, true),
        BasicOrWebappSessionAuthentication.class, "/api/tenants/*", "/api/overview", "/api/admin/*");
  }

  /** The engine's authentication filter with this application's engine, and single sign-on first when it is on. */
  private static final class EngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<SsoAuthentication> sso;
    private final boolean browserLogins;

    EngineAuthenticationFilter(ObjectProvider<ProcessEngine> engine, ObjectProvider<SsoAuthentication> sso,
        boolean browserLogins) {
      this.engine = engine;
      this.sso = sso;
      this.browserLogins = browserLogins;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
      super.init(config);
      SsoAuthentication singleSignOn = sso.getIfAvailable();
      if (singleSignOn != null) {
        authenticationProvider = singleSignOn.before(authenticationProvider, browserLogins);
      }
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return engine.getObject();
    }
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
