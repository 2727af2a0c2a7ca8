package se.tryggsamverkan.engine.sso;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an identity provider's tokens become our users: which claims hold the user id, the roles and the
 * municipalities, and how the provider's group names map to our role groups and tenant ids ({@code trygg.sso.*}).
 *
 * @param userIdClaim the claim that is the user id in Tasklist ({@code preferred_username})
 * @param rolesClaim the claim with the provider's groups or roles, a list ({@code groups})
 * @param municipalitiesClaim the claim with the user's municipalities, a list ({@code municipalities})
 * @param roleMapping provider group → our role group id ({@code police-coordinator}, ...) or {@code camunda-admin};
 *     a group that is already one of our role group ids needs no entry
 * @param municipalityMapping provider value → tenant id; a value that is already a tenant id needs no entry
 */
@ConfigurationProperties("trygg.sso")
public record SsoSettings(String userIdClaim, String rolesClaim, String municipalitiesClaim,
    Map<String, String> roleMapping, Map<String, String> municipalityMapping) {

  public SsoSettings {
    userIdClaim = userIdClaim == null || userIdClaim.isBlank() ? "preferred_username" : userIdClaim;
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "groups" : rolesClaim;
    municipalitiesClaim = municipalitiesClaim == null || municipalitiesClaim.isBlank() ? "municipalities"
        : municipalitiesClaim;
    roleMapping = roleMapping == null ? Map.of() : new LinkedHashMap<>(roleMapping);
    municipalityMapping = municipalityMapping == null ? Map.of() : new LinkedHashMap<>(municipalityMapping);
  }

  /** A claim's values as a list of strings: a JSON list, or one string (space- or comma-separated). */
  static List<String> values(Object claim) {
    if (claim == null) {
      return List.of();
    }
    if (claim instanceof java.util.Collection<?> many) {
      return many.stream().filter(java.util.Objects::nonNull).map(Object::toString).map(String::trim)
          .filter(s -> !s.isEmpty()).toList();
    }
    return java.util.Arrays.stream(claim.toString().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
  }
}
