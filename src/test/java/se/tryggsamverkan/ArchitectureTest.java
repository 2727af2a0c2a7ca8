package se.tryggsamverkan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

@AnalyzeClasses(packages = "se.tryggsamverkan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The domain reads without knowing Camunda: the engine stays a recipe away from Operaton. */
  @ArchTest
  static final ArchRule domainDoesNotKnowTheEngineOrTheWeb = noClasses()
      .that().resideInAnyPackage("..agreement", "..cycle", "..common", "..identity")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..",
          "org.springframework.web..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule delegatesAreNamedAndPlacedAsDelegates = classes()
      .that().implement(JavaDelegate.class)
      .should().haveSimpleNameEndingWith("Delegate").andShould().resideInAPackage("..engine..");

  @ArchTest
  static final ArchRule taskListenersAreNamedAndPlacedAsListeners = classes()
      .that().implement(TaskListener.class)
      .should().haveSimpleNameEndingWith("Listener").andShould().resideInAPackage("..engine..");
}
