package se.tryggsamverkan.identity;

import java.util.Set;

/** The logged-in user of the current request, and the municipalities (tenants) they may see. */
public interface Viewer {

  String userId();

  Set<String> tenantIds();

  boolean administrator();

  /** The viewer's role groups (and any other groups). */
  Set<String> groupIds();

  default boolean hasRole(Role role) {
    return administrator() || groupIds().contains(role.groupId());
  }

  default boolean maySee(String tenantId) {
    return administrator() || tenantIds().contains(tenantId);
  }
}
