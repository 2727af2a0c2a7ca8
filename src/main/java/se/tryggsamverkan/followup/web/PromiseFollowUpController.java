package se.tryggsamverkan.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.followup.PromiseFollowUp;
import se.tryggsamverkan.followup.PromiseProgress;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.web.ApiAccess;

/** How the year's citizen promises are kept: record when one was carried out, and read the progress of each. */
@RestController
@RequestMapping(path = "/api/tenants/{tenantId}/agreements/{agreementId}/years/{year}/promises",
    produces = "application/json")
@Tag(name = "Medborgarlöften", description = "Genomförda tillfällen och hur löftena hålls")
@SecurityRequirement(name = "basic")
class PromiseFollowUpController {

  record Occurrence(String date, String note) {
  }

  record Target(int count, String period, String text) {
  }

  record ProgressView(int index, String text, String party, Target target, String verdict, String verdictName,
      Integer expectedSoFar, Integer doneSoFar, List<LocalDate> occurrences) {

    static ProgressView of(PromiseFollowUp.PromiseStatus s) {
      PromiseProgress.Result p = s.progress();
      var t = s.promise().target();
      return new ProgressView(s.index(), s.promise().text(), s.promise().party().name(),
          t == null ? null : new Target(t.count(), t.period().name(), t.swedish()),
          p == null ? null : p.verdict().name(), p == null ? null : p.verdict().swedishName(),
          p == null ? null : p.expectedSoFar(), p == null ? null : p.doneSoFar(), s.occurrences());
    }
  }

  private final PromiseFollowUp followUp;
  private final ApiAccess access;
  private final EngineClock clock;

  PromiseFollowUpController(PromiseFollowUp followUp, ApiAccess access, EngineClock clock) {
    this.followUp = followUp;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/progress")
  @Operation(summary = "Varje löfte i årets plan med genomförda tillfällen och om det hålls (mätbara mål)")
  List<ProgressView> progress(@PathVariable String tenantId, @PathVariable String agreementId,
      @PathVariable int year) {
    Agreement agreement = access.agreementYear(tenantId, agreementId, year);
    return followUp.statuses(agreement, year, clock.today()).stream().map(ProgressView::of).toList();
  }

  @PostMapping(path = "/{index}/occurrences", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Registrera att löfte nummer {index} genomfördes en dag, t.ex. en trafikkontroll")
  ProgressView record(@PathVariable String tenantId, @PathVariable String agreementId, @PathVariable int year,
      @PathVariable int index, @RequestBody(required = false) Occurrence occurrence) {
    Agreement agreement = access.agreementYear(tenantId, agreementId, year);
    access.checkRole("Genomförda löften registreras av kommunens samordnare och aktivitetsansvariga",
        Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.ACTIVITY_OWNER);
    Occurrence o = occurrence == null ? new Occurrence(null, null) : occurrence;
    followUp.record(agreement, year, index, o.date(), o.note(), access.userId(), clock.today());
    return followUp.statuses(agreement, year, clock.today()).stream().filter(s -> s.index() == index)
        .map(ProgressView::of).findFirst().orElseThrow();
  }
}
