package se.tryggsamverkan.onboarding;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.tryggsamverkan.identity.Role;

/**
 * Where people, their roles and their municipalities are kept (the engine's identity tables, behind
 * {@code engine/CamundaPeopleDirectory}). Every call runs as the logged-in administrator.
 */
public interface PeopleDirectory {

  /** A person as the directory holds them. */
  record Entry(String userId, String firstName, String lastName, String email) {
  }

  Optional<String> tenantName(String tenantId);

  /** Every municipality (tenant) the engine knows, by id, with its name; however it was added. */
  java.util.SortedMap<String, String> tenants();

  void saveTenant(String tenantId, String name);

  Optional<Entry> user(String userId);

  /** Creates the user or changes their name and e-mail; a password is never set here. */
  void saveUser(Entry entry);

  Set<Role> roles(String userId);

  void addRole(String userId, Role role);

  Set<String> tenants(String userId);

  void addToTenant(String userId, String tenantId);

  void removeFromTenant(String userId, String tenantId);

  /** The users who are members of the municipality, sorted by id. */
  List<String> members(String tenantId);
}
