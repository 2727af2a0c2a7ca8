package se.tryggsamverkan.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.identity.Role;

/**
 * The directory backed by Camunda's identity service. Lookups run without the current user's authorizations:
 * a coordinator naming a colleague need not be allowed to browse the user list.
 */
@Component
class CamundaDirectory implements Directory {

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;

  CamundaDirectory(IdentityService identity, ProcessEngineConfigurationImpl configuration) {
    this.identity = identity;
    this.configuration = configuration;
  }

  @Override
  public boolean isUserInTenant(String userId, String tenantId) {
    return privileged(() -> identity.createUserQuery().userId(userId).memberOfTenant(tenantId).count() > 0
        || identity.createGroupQuery().groupMember(userId).memberOfTenant(tenantId).count() > 0);
  }

  @Override
  public boolean hasRole(String userId, Role role) {
    return privileged(() -> identity.createUserQuery().userId(userId).memberOfGroup(role.groupId()).count() > 0);
  }

  @Override
  public java.util.Set<String> allTenantIds() {
    return privilegedLookup(() -> identity.createTenantQuery().list().stream().map(t -> t.getId())
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
  }

  @Override
  public String displayName(String userId) {
    if (userId == null) {
      return null;
    }
    String name = privilegedLookup(() -> {
      var user = identity.createUserQuery().userId(userId).singleResult();
      return user == null ? null : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).trim();
    });
    return name == null || name.isEmpty() ? userId : name;
  }

  private boolean privileged(Callable<Boolean> lookup) {
    return privilegedLookup(lookup);
  }

  /**
   * Inside the engine's command (a listener) the lookup runs without authorization there; outside (a web request
   * with its user authenticated, e.g. a manager who may not read the user list) in a command of its own, so that a
   * name is a name whoever asks.
   */
  private <T> T privilegedLookup(Callable<T> lookup) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return configuration.getCommandExecutorTxRequired().execute(command -> command.runWithoutAuthorization(lookup));
    }
    try {
      return context.runWithoutAuthorization(lookup);
    } catch (Exception e) {
      throw new IllegalStateException("Directory lookup failed", e);
    }
  }
}
