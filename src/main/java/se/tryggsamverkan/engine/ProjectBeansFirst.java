package se.tryggsamverkan.engine;

import java.beans.FeatureDescriptor;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression language, with the product's own beans looked up first. An expression such as
 * {@code ${activityFollowUps.owner(execution)}} or a listener's {@code ${recordActivityFollowUpListener}} would
 * otherwise first be looked for as a process variable in every scope from the task up to the cycle, each scope's
 * variables read from the database, before the Spring bean is found (issue 18: four of a follow-up's variable
 * queries). Only beans whose class is the product's own are resolved here; everything else, variables included,
 * goes on to Camunda's resolvers as before. {@code ArchitectureTest} checks that no process variable is named like
 * one of these beans.
 */
final class ProjectBeansFirst extends SpringExpressionManager {

  static final String PACKAGE = "se.tryggsamverkan.";

  ProjectBeansFirst(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new ProjectBeans(applicationContext));
    resolver.add(super.createElResolver());
    return resolver;
  }

  /** The names of the product's own beans in this context. */
  static Set<String> projectBeanNames(ApplicationContext context) {
    return Arrays.stream(context.getBeanDefinitionNames()).filter(name -> {
      Class<?> type = context.getType(name);
      return type != null && type.getName().startsWith(PACKAGE);
    }).collect(Collectors.toUnmodifiableSet());
  }

  private static final class ProjectBeans extends ELResolver {

    private final ApplicationContext context;
    private volatile Set<String> names;

    ProjectBeans(ApplicationContext context) {
      this.context = context;
    }

    private boolean isProjectBean(Object base, Object property) {
      if (base != null || !(property instanceof String name)) {
        return false;
      }
      Set<String> known = names;
      if (known == null) {
        known = projectBeanNames(context);
        names = known;
      }
      return known.contains(name);
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      if (!isProjectBean(base, property)) {
        return null;
      }
      elContext.setPropertyResolved(true);
      return context.getBean((String) property);
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
      // a bean is not assigned to from an expression; the next resolver decides
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
      if (isProjectBean(base, property)) {
        elContext.setPropertyResolved(true);
        return true;
      }
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
      return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
      return base == null ? Object.class : null;
    }
  }
}
