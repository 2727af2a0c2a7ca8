package se.tryggsamverkan.onboarding;

import java.util.Set;
import se.tryggsamverkan.identity.Role;

/**
 * A person of a municipality as an administrator enters them: the roles are the person's, in every municipality
 * they work for (the engine's role groups are shared by all municipalities).
 */
public record Person(String userId, String firstName, String lastName, String email, Set<Role> roles) {
}
