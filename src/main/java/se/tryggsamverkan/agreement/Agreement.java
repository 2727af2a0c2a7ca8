package se.tryggsamverkan.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A collaboration agreement (samverkansöverenskommelse) between a municipality and its local police area.
 * The process engine refers to it by id; this is where its facts live.
 */
public record Agreement(
    String id,
    String tenantId,
    String municipality,
    String policeArea,
    LocalDate periodStart,
    LocalDate periodEnd,
    String policeCoordinator,
    String municipalCoordinator,
    String policeSteeringMember,
    String municipalSteeringMember,
    Party firstChair,
    Map<Phase, Deadline> deadlineOverrides,
    CouncilSchedule council,
    /** The coordinators may decide small changes to the running plan themselves (issue 15); off by default. */
    boolean smallChangesByCoordinators) {

  public Agreement {
    deadlineOverrides = Map.copyOf(deadlineOverrides);
  }

  public Agreement(String id, String tenantId, String municipality, String policeArea, LocalDate periodStart,
      LocalDate periodEnd, String policeCoordinator, String municipalCoordinator, String policeSteeringMember,
      String municipalSteeringMember, Party firstChair, Map<Phase, Deadline> deadlineOverrides,
      CouncilSchedule council) {
    this(id, tenantId, municipality, policeArea, periodStart, periodEnd, policeCoordinator, municipalCoordinator,
        policeSteeringMember, municipalSteeringMember, firstChair, deadlineOverrides, council, false);
  }

  public Agreement(String id, String tenantId, String municipality, String policeArea, LocalDate periodStart,
      LocalDate periodEnd, String policeCoordinator, String municipalCoordinator, String policeSteeringMember,
      String municipalSteeringMember, Party firstChair, Map<Phase, Deadline> deadlineOverrides) {
    this(id, tenantId, municipality, policeArea, periodStart, periodEnd, policeCoordinator, municipalCoordinator,
        policeSteeringMember, municipalSteeringMember, firstChair, deadlineOverrides, null);
  }

  /** One yearly cycle per calendar year of the period. */
  public List<Integer> cycleYears() {
    return IntStream.rangeClosed(periodStart.getYear(), periodEnd.getYear()).boxed().toList();
  }

  public ChairRotation chairRotation() {
    return new ChairRotation(periodStart, firstChair);
  }

  public YearlyCalendar calendar(YearlyCalendar installationDefaults) {
    return installationDefaults.with(deadlineOverrides);
  }

  public String steeringMemberOf(Party party) {
    return party == Party.POLICE ? policeSteeringMember : municipalSteeringMember;
  }
}
