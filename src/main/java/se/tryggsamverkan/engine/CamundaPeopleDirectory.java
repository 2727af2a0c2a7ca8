package se.tryggsamverkan.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.onboarding.PeopleDirectory;

/**
 * Onboarding's people in the engine's identity tables: a municipality is a tenant, a role a group membership, and
 * working for a municipality a tenant membership. Runs with the administrator's own authorizations.
 */
@Component
class CamundaPeopleDirectory implements PeopleDirectory {

  private final IdentityService identity;

  CamundaPeopleDirectory(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Optional<String> tenantName(String tenantId) {
    return Optional.ofNullable(identity.createTenantQuery().tenantId(tenantId).singleResult()).map(Tenant::getName);
  }

  @Override
  public java.util.SortedMap<String, String> tenants() {
    java.util.SortedMap<String, String> tenants = new java.util.TreeMap<>();
    identity.createTenantQuery().list().forEach(t -> tenants.put(t.getId(), t.getName() == null ? t.getId()
        : t.getName()));
    return tenants;
  }

  @Override
  public void saveTenant(String tenantId, String name) {
    Tenant tenant = identity.createTenantQuery().tenantId(tenantId).singleResult();
    if (tenant == null) {
      tenant = identity.newTenant(tenantId);
    }
    tenant.setName(name);
    identity.saveTenant(tenant);
  }

  @Override
  public Optional<Entry> user(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null ? Optional.empty()
        : Optional.of(new Entry(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()));
  }

  @Override
  public void saveUser(Entry entry) {
    User user = identity.createUserQuery().userId(entry.userId()).singleResult();
    if (user == null) {
      user = identity.newUser(entry.userId());
    }
    user.setFirstName(entry.firstName());
    user.setLastName(entry.lastName());
    user.setEmail(entry.email());
    identity.saveUser(user);
  }

  @Override
  public Set<Role> roles(String userId) {
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId())
        .collect(Collectors.toSet());
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (groups.contains(role.groupId())) {
        roles.add(role);
      }
    }
    return roles;
  }

  @Override
  public void addRole(String userId, Role role) {
    identity.createMembership(userId, role.groupId());
  }

  @Override
  public Set<String> tenants(String userId) {
    return identity.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public void addToTenant(String userId, String tenantId) {
    identity.createTenantUserMembership(tenantId, userId);
  }

  @Override
  public void removeFromTenant(String userId, String tenantId) {
    identity.deleteTenantUserMembership(tenantId, userId);
  }

  @Override
  public List<String> members(String tenantId) {
    return identity.createUserQuery().memberOfTenant(tenantId).orderByUserId().asc().list().stream()
        .map(User::getId).toList();
  }
}
