package se.tryggsamverkan.engine.sso;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.authorization.Groups;
import se.tryggsamverkan.identity.Role;

/**
 * A user as the identity provider's token describes them, in our terms: the user id, name and e-mail, our role
 * groups and our municipalities (tenant ids).
 */
record SsoUser(String userId, String firstName, String lastName, String email, List<String> groups,
    List<String> tenants) {

  /** The groups a token may give: our roles and the administrators. Any other group of the user is left alone. */
  static final Set<String> GIVEN_GROUPS;

  static {
    Set<String> groups = new LinkedHashSet<>();
    for (Role role : Role.values()) {
      groups.add(role.groupId());
    }
    groups.add(Groups.CAMUNDA_ADMIN);
    GIVEN_GROUPS = Set.copyOf(groups);
  }

  /** Someone with work here: an administrator, or a role in at least one municipality. */
  boolean mayWork() {
    return groups.contains(Groups.CAMUNDA_ADMIN) || !groups.isEmpty() && !tenants.isEmpty();
  }

  /** The user of these claims, or null when they name no user. Unknown municipalities are left out. */
  static SsoUser from(Map<String, Object> claims, SsoSettings settings, Predicate<String> tenantExists) {
    Object id = claims.get(settings.userIdClaim());
    if (id == null || id.toString().isBlank()) {
      id = claims.get("sub");
    }
    if (id == null || id.toString().isBlank()) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (String value : SsoSettings.values(claims.get(settings.rolesClaim()))) {
      String group = settings.roleMapping().getOrDefault(value, value);
      if (GIVEN_GROUPS.contains(group) && !groups.contains(group)) {
        groups.add(group);
      }
    }
    List<String> tenants = new ArrayList<>();
    for (String value : SsoSettings.values(claims.get(settings.municipalitiesClaim()))) {
      String tenant = settings.municipalityMapping().getOrDefault(value, value);
      if (tenantExists.test(tenant) && !tenants.contains(tenant)) {
        tenants.add(tenant);
      }
    }
    String first = text(claims.get("given_name"));
    String last = text(claims.get("family_name"));
    if (first == null && last == null && text(claims.get("name")) != null) {
      String[] parts = text(claims.get("name")).split(" ", 2);
      first = parts[0];
      last = parts.length > 1 ? parts[1] : null;
    }
    return new SsoUser(id.toString().trim(), first, last, text(claims.get("email")), List.copyOf(groups),
        List.copyOf(tenants));
  }

  private static String text(Object claim) {
    return claim == null || claim.toString().isBlank() ? null : claim.toString().trim();
  }
}
