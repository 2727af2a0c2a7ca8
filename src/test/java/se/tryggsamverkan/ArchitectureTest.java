package se.tryggsamverkan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses PRODUCT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("se.tryggsamverkan");

  /** The domain reads without knowing Camunda: the engine stays a recipe away from Operaton. */
  @Test
  void theDomainDoesNotKnowTheEngineOrTheWeb() {
    noClasses().that().resideInAnyPackage("..agreement", "..cycle", "..plan", "..reminder", "..followup", "..report", "..overview", "..common",
            "..identity")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..",
            "org.springframework.web..", "jakarta.servlet..")
        .check(PRODUCT);
  }

  @Test
  void delegatesAreNamedAndPlacedAsDelegates() {
    classes().that().implement(JavaDelegate.class)
        .should().haveSimpleNameEndingWith("Delegate").andShould().resideInAPackage("..engine..")
        .check(PRODUCT);
  }

  @Test
  void taskListenersAreNamedAndPlacedAsListeners() {
    classes().that().implement(TaskListener.class)
        .should().haveSimpleNameEndingWith("Listener").andShould().resideInAPackage("..engine..")
        .check(PRODUCT);
  }
}
