package se.tryggsamverkan.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.identity.Role;

/** A municipality (tenant) made for one test, with one user per role, so tests never share work. */
public record TestMunicipality(String tenantId, String name) {

  public static TestMunicipality create(IdentityService identity, String name) {
    String tenantId = "t" + UUID.randomUUID().toString().substring(0, 8);
    Tenant tenant = identity.newTenant(tenantId);
    tenant.setName(name);
    identity.saveTenant(tenant);
    TestMunicipality municipality = new TestMunicipality(tenantId, name);
    for (Role role : Role.values()) {
      User user = identity.newUser(municipality.user(role));
      user.setFirstName(role.swedishName());
      user.setLastName(name);
      user.setEmail(municipality.user(role) + "@example.org");
      user.setPassword("test");
      identity.saveUser(user);
      identity.createMembership(user.getId(), role.groupId());
      identity.createTenantUserMembership(tenantId, user.getId());
    }
    return municipality;
  }

  public String user(Role role) {
    return tenantId + "." + role.groupId();
  }

  /** The agreement's start variables as the start form would submit them. */
  public Map<String, Object> agreementStart(String periodStart, String periodEnd, String firstChair) {
    Map<String, Object> v = new HashMap<>();
    v.put(AgreementProcess.TENANT_ID.name(), tenantId);
    v.put(AgreementProcess.MUNICIPALITY.name(), name);
    v.put(AgreementProcess.POLICE_AREA.name(), "Lokalpolisområde " + name);
    v.put(AgreementProcess.PERIOD_START.name(), periodStart);
    v.put(AgreementProcess.PERIOD_END.name(), periodEnd);
    v.put(AgreementProcess.POLICE_COORDINATOR.name(), user(Role.POLICE_COORDINATOR));
    v.put(AgreementProcess.MUNICIPAL_COORDINATOR.name(), user(Role.MUNICIPAL_COORDINATOR));
    v.put(AgreementProcess.POLICE_STEERING_MEMBER.name(), user(Role.POLICE_STEERING));
    v.put(AgreementProcess.MUNICIPAL_STEERING_MEMBER.name(), user(Role.MUNICIPAL_STEERING));
    v.put(AgreementProcess.FIRST_CHAIR.name(), firstChair);
    return v;
  }
}
