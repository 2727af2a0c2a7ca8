package se.tryggsamverkan.identity;

/** Who belongs where: the users, role groups and municipalities (tenants) the product knows. */
public interface Directory {

  boolean isUserInTenant(String userId, String tenantId);

  boolean hasRole(String userId, Role role);

  /** Every municipality (tenant) the installation knows. */
  java.util.Set<String> allTenantIds();

  /** The user's name as people read it ("Anna Andersson"), or the id itself when there is no such user. */
  String displayName(String userId);
}
