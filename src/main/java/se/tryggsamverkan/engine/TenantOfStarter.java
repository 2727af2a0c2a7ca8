package se.tryggsamverkan.engine;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Gives every new process instance its municipality (tenant). The process definitions are shared by all
 * municipalities; an instance belongs to the tenant of the instance that called it, else to the
 * {@code tenantId} start variable (which an authenticated user may only set to one of their own tenants),
 * else to the starting user's only tenant.
 */
class TenantOfStarter implements TenantIdProvider {

  static final String TENANT_ID_VARIABLE = "tenantId";
  /** The product's own housekeeping processes belong to no municipality. */
  static final java.util.Set<String> SYSTEM_PROCESSES = java.util.Set.of("reminderSweep");

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (SYSTEM_PROCESSES.contains(ctx.getProcessDefinition().getKey())) {
      return null;
    }
    DelegateExecution caller = ctx.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    Object requested = ctx.getVariables() == null ? null : ctx.getVariables().get(TENANT_ID_VARIABLE);
    Authentication user = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    List<String> userTenants = user == null || user.getTenantIds() == null ? List.of() : user.getTenantIds();
    if (requested != null && !requested.toString().isBlank()) {
      String tenant = requested.toString().trim();
      if (user != null && !userTenants.contains(tenant)) {
        // 403 from the engine's REST API, not a server error
        throw new AuthorizationException("Du kan bara starta ärenden för din egen kommun (" + tenant + ")");
      }
      return tenant;
    }
    if (userTenants.size() == 1) {
      return userTenants.get(0);
    }
    // 400 from the engine's REST API: the caller has to say which municipality
    throw new BadUserRequestException(userTenants.isEmpty()
        ? "Ärendet kan inte knytas till någon kommun: användaren tillhör ingen kommun och tenantId saknas"
        : "Du tillhör flera kommuner: ange vilken (tenantId) när ärendet startas");
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }
}
