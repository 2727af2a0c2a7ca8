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
    noClasses().that().resideInAnyPackage("..agreement", "..cycle", "..plan", "..reminder", "..followup",
            "..report", "..overview", "..onboarding", "..common", "..documents", "..identity", "..publication")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..",
            "org.springframework.web..", "jakarta.servlet..")
        .check(PRODUCT);
  }

  /**
   * All of the product's engine code lies in packages named {@code ..engine..}: the recipe that moves it to Operaton
   * (the community fork) touches those packages and nothing else.
   */
  @Test
  void onlyEnginePackagesKnowTheEngine() {
    noClasses().that().resideOutsideOfPackage("..engine..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..")
        .check(PRODUCT);
  }

  /** Documents is the one class that renders templates, so that escaping and the messages file are in one place. */
  @Test
  void onlyDocumentsRendersTemplates() {
    noClasses().that().doNotHaveFullyQualifiedName("se.tryggsamverkan.documents.Documents")
        .should().dependOnClassesThat().resideInAPackage("org.thymeleaf..")
        .check(PRODUCT);
  }

  /** Calendar files are written in one place, by ical4j: folding, escaping and time zones are not done twice. */
  @Test
  void onlyMeetingInvitationWritesCalendars() {
    noClasses().that().doNotHaveFullyQualifiedName("se.tryggsamverkan.reminder.MeetingInvitation")
        .should().dependOnClassesThat().resideInAPackage("net.fortuna.ical4j..")
        .check(PRODUCT);
  }

  /**
   * The product reads the time only through the engine's clock (EngineClock, or the java.time.Clock bean made from
   * it), so that tests and the demo's day move all of it at once. Intervals use System.nanoTime().
   */
  @Test
  void nothingButTheEngineClockReadsTheWallClock() {
    noClasses().that().doNotHaveFullyQualifiedName("se.tryggsamverkan.engine.EngineClock")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Clock.class, "systemUTC")
        .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
        .orShould().callConstructor(java.util.Date.class)
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
