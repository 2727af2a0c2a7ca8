package se.tryggsamverkan.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Spring keeps the test classes' application contexts alive between classes, each with an engine named "default".
 * Camunda's REST API and web applications find their engine by that name in one JVM-wide registry, where the
 * context started last has put its own. Before each test class, the engine of the context it uses is put back
 * under its name, so that /engine-rest and /camunda/api reach the database this class's data is in.
 * Registered for every test in META-INF/spring.factories.
 */
public class ItsOwnEngine implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestClass(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      // the context is loaded by the dependency-injection listener right after; make sure it is there
      testContext.getApplicationContext();
    }
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    webApplicationsRunning();
  }

  /**
   * The web applications keep their runtime in JVM-wide singletons too, which an application that stops
   * (TwoNodesReminderTest's second node) sets to null for every context still running: put new ones back, as the
   * web applications' start does.
   */
  private static void webApplicationsRunning() {
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
