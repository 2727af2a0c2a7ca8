package se.tryggsamverkan.identity;

/** Who belongs where: the users, role groups and municipalities (tenants) the product knows. */
public interface Directory {

  boolean isUserInTenant(String userId, String tenantId);

  boolean hasRole(String userId, Role role);
}
