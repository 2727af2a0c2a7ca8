package se.tryggsamverkan.onboarding.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.identity.Viewer;
import se.tryggsamverkan.onboarding.DirectoryChanges;
import se.tryggsamverkan.onboarding.MunicipalityInput;
import se.tryggsamverkan.onboarding.Onboarding;
import se.tryggsamverkan.onboarding.Person;
import se.tryggsamverkan.web.ApiAccess;

/**
 * Municipalities and their people, for administrators only: the listing with what is missing, one municipality
 * added or changed, many imported from a CSV file, and the record of every change.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Kommuner och personer", description = "Administratörer lägger till kommuner, personer och roller")
@SecurityRequirement(name = "basic")
class OnboardingController {

  static final String ADMINISTRATORS_ONLY = "Endast administratörer kan se och ändra kommuner och personer";

  /** A person as the page sends them: roles by group id ("police-coordinator"). */
  record PersonInput(String userId, String firstName, String lastName, String email, List<String> roles) {
  }

  record MunicipalityRequest(String name, String policeArea, List<PersonInput> people) {
  }

  record Roles(List<RoleView> roles, List<String> csvColumns) {
  }

  record RoleView(String id, String name, boolean needed) {
  }

  private final Onboarding onboarding;
  private final Viewer viewer;
  private final ApiAccess access;

  OnboardingController(Onboarding onboarding, Viewer viewer, ApiAccess access) {
    this.onboarding = onboarding;
    this.viewer = viewer;
    this.access = access;
  }

  @GetMapping("/roles")
  @Operation(summary = "The roles a person can have, and the CSV file's columns")
  Roles roles() {
    administrator();
    return new Roles(java.util.Arrays.stream(Role.values())
        .map(r -> new RoleView(r.groupId(), r.swedishName(), Onboarding.NEEDED.contains(r))).toList(),
        Onboarding.CSV_COLUMNS);
  }

  @GetMapping("/municipalities")
  @Operation(summary = "Every municipality with its people, their roles and the roles it still lacks")
  List<Onboarding.MunicipalityView> municipalities() {
    administrator();
    return onboarding.municipalities();
  }

  @GetMapping("/municipalities/{tenantId}")
  @Operation(summary = "One municipality with its people")
  Onboarding.MunicipalityView municipality(@PathVariable String tenantId) {
    administrator();
    return onboarding.municipality(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Det finns ingen kommun med id " + tenantId));
  }

  @PutMapping(path = "/municipalities/{tenantId}", consumes = "application/json")
  @Operation(summary = "Adds or changes a municipality with exactly these people (others leave it)")
  Onboarding.Outcome save(@PathVariable String tenantId, @RequestBody MunicipalityRequest request) {
    administrator();
    List<PersonInput> people = request.people() == null ? List.of() : request.people();
    List<Person> persons = new java.util.ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      PersonInput p = people.get(i);
      persons.add(p == null ? null : new Person(p.userId(), p.firstName(), p.lastName(), p.email(),
          roles(i, p.roles())));
    }
    return onboarding.save(new MunicipalityInput(tenantId, request.name(), request.policeArea(), persons),
        viewer.userId());
  }

  @PostMapping(path = "/municipalities/import", consumes = {"text/csv", "text/plain"})
  @Operation(summary = "Adds or changes many municipalities from a CSV file, one row per person and role")
  Onboarding.ImportReport importCsv(@RequestBody(required = false) String csv) {
    administrator();
    return onboarding.importCsv(csv, viewer.userId());
  }

  @GetMapping("/changes")
  @Operation(summary = "The latest changes to municipalities, people and roles: who, what, when")
  List<DirectoryChanges.Change> changes(@RequestParam(required = false) String tenantId,
      @RequestParam(defaultValue = "200") int limit) {
    administrator();
    return onboarding.changes(tenantId, Math.max(1, Math.min(limit, 1000)));
  }

  private void administrator() {
    access.checkAdministrator(ADMINISTRATORS_ONLY);
  }

  private static Set<Role> roles(int index, List<String> ids) {
    if (ids == null) {
      return Set.of();
    }
    Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
    for (String id : ids) {
      Role role = java.util.Arrays.stream(Role.values()).filter(r -> r.groupId().equals(id)).findFirst()
          .orElseThrow(() -> InvalidInputException.of("people[" + index + "].roles", "Person " + (index + 1)
              + ": okänd roll '" + id + "'"));
      roles.add(role);
    }
    return roles;
  }
}
