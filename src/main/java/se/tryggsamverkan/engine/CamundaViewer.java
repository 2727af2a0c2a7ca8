package se.tryggsamverkan.engine;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.identity.Viewer;

/** The viewer as Camunda's authentication filter left it on this request's thread. */
@Component
class CamundaViewer implements Viewer {

  private final IdentityService identity;

  CamundaViewer(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String userId() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  @Override
  public Set<String> tenantIds() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getTenantIds() == null ? Set.of()
        : Set.copyOf(authentication.getTenantIds());
  }

  @Override
  public Set<String> groupIds() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? Set.of()
        : Set.copyOf(authentication.getGroupIds());
  }

  @Override
  public boolean administrator() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
