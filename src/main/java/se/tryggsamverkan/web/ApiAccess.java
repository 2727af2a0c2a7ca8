package se.tryggsamverkan.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.identity.Viewer;

/**
 * The JSON API's access rules, in one place: another municipality answers 403, an agreement or a year that is not
 * the municipality's answers 404; both in Swedish.
 */
@Component
public class ApiAccess {

  private final AgreementRepository agreements;
  private final Viewer viewer;

  ApiAccess(AgreementRepository agreements, Viewer viewer) {
    this.agreements = agreements;
    this.viewer = viewer;
  }

  public void checkTenant(String tenantId) {
    if (!viewer.maySee(tenantId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Du har inte behörighet till kommunen " + tenantId);
    }
  }

  /** Only an administrator (of the engine) may go on; {@code why} is what everyone else is told. */
  public void checkAdministrator(String why) {
    if (!viewer.administrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, why);
    }
  }

  public void checkRole(String why, Role... roles) {
    for (Role role : roles) {
      if (viewer.hasRole(role)) {
        return;
      }
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, why);
  }

  public Agreement agreement(String tenantId, String agreementId) {
    checkTenant(tenantId);
    return agreements.findById(agreementId).filter(a -> a.tenantId().equals(tenantId))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "Kommunen har ingen överenskommelse med id " + agreementId));
  }

  public Agreement agreementYear(String tenantId, String agreementId, int year) {
    Agreement agreement = agreement(tenantId, agreementId);
    if (!agreement.cycleYears().contains(year)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Överenskommelsen gäller inte år " + year + " ("
          + agreement.periodStart().getYear() + "–" + agreement.periodEnd().getYear() + ")");
    }
    return agreement;
  }

  public String userId() {
    return viewer.userId();
  }
}
