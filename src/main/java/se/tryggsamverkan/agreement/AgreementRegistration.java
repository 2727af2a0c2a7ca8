package se.tryggsamverkan.agreement;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.identity.Role;

/** Registering a signed agreement: checks what was typed, then stores it. */
@Service
public class AgreementRegistration {

  static final int MAX_PERIOD_YEARS = 6;
  /** The years an agreement can lie in; outside them a date is a typing error (0001, 9999). */
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2099;

  private final AgreementRepository agreements;
  private final Directory directory;

  AgreementRegistration(AgreementRepository agreements, Directory directory) {
    this.agreements = agreements;
    this.directory = directory;
  }

  @Transactional
  public Agreement register(NewAgreement input, String processInstanceId, String registeredBy) {
    Agreement agreement = check(input);
    // one agreement at a time per municipality: two would run two cycles for the same year
    agreements.findByTenant(agreement.tenantId()).stream()
        .filter(other -> !other.periodStart().isAfter(agreement.periodEnd())
            && !agreement.periodStart().isAfter(other.periodEnd()))
        .findFirst().ifPresent(other -> {
          throw new InvalidInputException(Map.of("periodStart", "Kommunen har redan en överenskommelse för "
              + other.periodStart() + "–" + other.periodEnd() + ": perioderna får inte överlappa"));
        });
    agreements.insert(agreement, processInstanceId, registeredBy);
    return agreement;
  }

  Agreement check(NewAgreement in) {
    FieldChecks checks = new FieldChecks();
    if (in.tenantId() == null || in.tenantId().isBlank()) {
      checks.fail("tenantId", "Överenskommelsen måste höra till en kommun (tenant)");
    }
    String municipality = checks.required("municipality", in.municipality(), "Kommun");
    String policeArea = checks.required("policeArea", in.policeArea(), "Lokalpolisområde");
    LocalDate start = checks.requiredDate("periodStart", in.periodStart(), "Periodens första dag");
    LocalDate end = checks.requiredDate("periodEnd", in.periodEnd(), "Periodens sista dag");
    for (var day : new Object[][] {{"periodStart", start}, {"periodEnd", end}}) {
      LocalDate date = (LocalDate) day[1];
      if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
        checks.fail((String) day[0], "Datumet " + date + " ligger utanför åren " + FIRST_YEAR + "–" + LAST_YEAR);
      }
    }
    if (start != null && end != null && !checks.hasError("periodStart") && !checks.hasError("periodEnd")) {
      if (!end.isAfter(start)) {
        checks.fail("periodEnd", "Periodens sista dag måste komma efter den första");
      } else if (end.getYear() - start.getYear() + 1 > MAX_PERIOD_YEARS) {
        checks.fail("periodEnd", "En överenskommelse gäller högst " + MAX_PERIOD_YEARS + " kalenderår");
      }
    }
    String policeCoordinator = person(checks, in, "policeCoordinator", in.policeCoordinator(),
        "Kommunpolis", Role.POLICE_COORDINATOR);
    String municipalCoordinator = person(checks, in, "municipalCoordinator", in.municipalCoordinator(),
        "Kommunens samordnare", Role.MUNICIPAL_COORDINATOR);
    String policeSteering = person(checks, in, "policeSteeringMember", in.policeSteeringMember(),
        "Polisens ledamot i styrgruppen", Role.POLICE_STEERING);
    String municipalSteering = person(checks, in, "municipalSteeringMember", in.municipalSteeringMember(),
        "Kommunens ledamot i styrgruppen", Role.MUNICIPAL_STEERING);
    Party firstChair = Party.MUNICIPALITY;
    String chairText = in.firstChair() == null ? "" : in.firstChair().toString().trim();
    if (!chairText.isEmpty()) {
      try {
        firstChair = Party.valueOf(chairText);
      } catch (IllegalArgumentException e) {
        checks.fail("firstChair", "Ordförande första halvåret måste vara kommunen eller polisen");
      }
    }
    Map<Phase, Deadline> overrides = new EnumMap<>(Phase.class);
    if (in.deadlineOverrides() != null) {
      in.deadlineOverrides().forEach((phaseName, text) -> {
        try {
          overrides.put(Phase.valueOf(phaseName), Deadline.parse(text));
        } catch (IllegalArgumentException e) {
          checks.fail("deadlines." + phaseName, e.getMessage().startsWith("Ogiltig")
              ? e.getMessage() : "Okänt steg i årscykeln: " + phaseName);
        }
      });
    }
    CouncilSchedule council = council(checks, in);
    boolean smallChanges = false;
    String smallText = in.smallChangesByCoordinators() == null ? "" : in.smallChangesByCoordinators().toString().trim();
    if (smallText.equals("true")) {
      smallChanges = true;
    } else if (!smallText.isEmpty() && !smallText.equals("false")) {
      checks.fail("smallChangesByCoordinators", "Samordnarnas beslut om små ändringar: välj ja eller nej");
    }
    checks.throwIfAny();
    return new Agreement(UUID.randomUUID().toString(), in.tenantId(), municipality, policeArea, start, end,
        policeCoordinator, municipalCoordinator, policeSteering, municipalSteering, firstChair, overrides, council,
        smallChanges);
  }

  /** The council's monthly meeting is optional; given a day, a time and a place are needed too. */
  private static CouncilSchedule council(FieldChecks checks, NewAgreement in) {
    String day = in.councilDayOfMonth() == null ? "" : in.councilDayOfMonth().toString().trim();
    if (day.isEmpty()) {
      return null;
    }
    int dayOfMonth;
    try {
      dayOfMonth = (int) Double.parseDouble(day);
    } catch (NumberFormatException e) {
      checks.fail("councilDayOfMonth", "Rådets mötesdag '" + day + "' är ingen dag i månaden (1–28)");
      return null;
    }
    if (dayOfMonth < 1 || dayOfMonth > 28) {
      checks.fail("councilDayOfMonth", "Rådets mötesdag ska vara 1–28 i månaden, inte " + dayOfMonth);
      return null;
    }
    String timeText = in.councilTime() == null ? "09:00" : in.councilTime().toString().trim();
    java.time.LocalTime time;
    try {
      time = java.time.LocalTime.parse(timeText.length() == 4 ? "0" + timeText : timeText);
    } catch (java.time.format.DateTimeParseException e) {
      checks.fail("councilTime", "Tid '" + timeText + "' kan inte läsas: skriv till exempel 09:00");
      return null;
    }
    String place = checks.required("councilPlace", in.councilPlace(), "Plats för rådets möten");
    return place == null ? null : new CouncilSchedule(dayOfMonth, time, place);
  }

  private String person(FieldChecks checks, NewAgreement in, String field, Object value, String label, Role role) {
    String userId = checks.required(field, value, label);
    if (userId == null || in.tenantId() == null) {
      return userId;
    }
    if (!directory.isUserInTenant(userId, in.tenantId())) {
      checks.fail(field, label + ": användaren '" + userId + "' finns inte i kommunens användare");
    } else if (!directory.hasRole(userId, role)) {
      checks.fail(field, label + ": användaren '" + userId + "' har inte rollen " + role.swedishName());
    }
    return userId;
  }
}
