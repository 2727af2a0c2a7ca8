package se.tryggsamverkan.support;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;

/** An administrator of the installation made for one test: a member of camunda-admin with the password "test". */
public final class TestAdministrator {

  private TestAdministrator() {
  }

  public static String create(IdentityService identity) {
    String id = "admin-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName("Administratör");
    user.setLastName("Test");
    user.setPassword("test");
    identity.saveUser(user);
    identity.createMembership(id, Groups.CAMUNDA_ADMIN);
    return id;
  }
}
