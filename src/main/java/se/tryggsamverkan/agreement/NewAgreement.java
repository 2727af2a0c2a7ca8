package se.tryggsamverkan.agreement;

import java.util.Map;

/** What a coordinator types into the agreement's start form, unchecked. */
public record NewAgreement(
    String tenantId,
    Object municipality,
    Object policeArea,
    Object periodStart,
    Object periodEnd,
    Object policeCoordinator,
    Object municipalCoordinator,
    Object policeSteeringMember,
    Object municipalSteeringMember,
    Object firstChair,
    Map<String, String> deadlineOverrides,
    Object councilDayOfMonth,
    Object councilTime,
    Object councilPlace,
    Object smallChangesByCoordinators) {
}
