package se.tryggsamverkan.engine;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;
import se.tryggsamverkan.identity.Role;

/**
 * Makes every installation usable with authorization on: the role groups, what each may do, the shared
 * Tasklist filters, and an administrator only when a password for one is configured. Safe to run at every
 * start: it adds what is missing and changes nothing else.
 */
@Component
@Order(1)
public class IdentityBootstrap implements ApplicationRunner {

  public static final String FILTER_MY_TASKS = "Mina uppgifter";
  public static final String FILTER_MY_GROUPS = "Min grupps uppgifter";
  public static final String FILTER_MUNICIPALITIES = "Kommunernas uppgifter";
  /** Users who may read health details and metrics at /actuator, besides the administrators. */
  public static final String MONITORING_GROUP = "monitoring";
  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final String adminUser;
  private final String adminPassword;

  IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, @Value("${trygg.admin.user:admin}") String adminUser,
      @Value("${trygg.admin.password:}") String adminPassword) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Role role : Role.values()) {
      ensureGroup(role.groupId(), role.swedishName(), "WORKFLOW");
      grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // READ_INSTANCE lets Tasklist show municipality and year on the task cards; the tenant check keeps
      // it to the user's own municipality
      for (String process : List.of(YearlyCycleProcess.KEY, AgreementProcess.KEY)) {
        grant(role.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
        grant(role.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_INSTANCE);
      }
    }
    // managers read their municipalities' work and history in Cockpit and Tasklist; no task permission, so no
    // claim or complete (the tenant check keeps them to their own municipalities)
    grant(Role.MANAGER.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (String process : List.of(YearlyCycleProcess.KEY, AgreementProcess.KEY)) {
      grant(Role.MANAGER.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_TASK);
      grant(Role.MANAGER.groupId(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_HISTORY);
    }
    grant(Role.MANAGER.groupId(), Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    for (Role coordinator : List.of(Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR)) {
      grant(coordinator.groupId(), Resources.PROCESS_DEFINITION, AgreementProcess.KEY, Permissions.CREATE_INSTANCE);
      grant(coordinator.groupId(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    ensureFilter(FILTER_MY_TASKS, "Uppgifter som är tilldelade dig", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensureFilter(FILTER_MY_GROUPS, "Uppgifter för dina roller i din kommun, som ingen har tagit ännu", 0,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc());
    ensureFilter(FILTER_MUNICIPALITIES, "Alla öppna uppgifter i dina kommuner (ledning, läsbehörighet)", 10,
        tasks.createTaskQuery().orderByDueDate().asc(), Role.MANAGER);
    ensureAdministrator();
  }

  private void ensureAdministrator() {
    ensureGroup(Groups.CAMUNDA_ADMIN, "Administratörer", Groups.GROUP_TYPE_SYSTEM);
    // health details and metrics (ActuatorAccess): no permission in the engine, only the membership
    ensureGroup(MONITORING_GROUP, "Övervakning (hälsa och mätvärden)", Groups.GROUP_TYPE_SYSTEM);
    for (Resources resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
        LOG.warn("No administrator exists and none is configured: set ADMIN_PASSWORD (and ADMIN_USER) to create one");
      }
      return;
    }
    if (identity.createUserQuery().userId(adminUser).count() == 0) {
      User user = identity.newUser(adminUser);
      user.setFirstName("Administratör");
      user.setLastName("trygg-samverkan");
      user.setPassword(adminPassword);
      try {
        identity.saveUser(user);
      } catch (org.camunda.bpm.engine.ProcessEngineException e) {
        throw new IllegalStateException("ADMIN_PASSWORD does not meet the password policy: at least 10 characters, "
            + "with upper and lower case letters, a digit and a special character (or PASSWORD_POLICY=false). "
            + e.getMessage(), e);
      }
      identity.createMembership(adminUser, Groups.CAMUNDA_ADMIN);
      LOG.info("Created administrator '{}'", adminUser);
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void ensureFilter(String name, String description, int priority, TaskQuery query, Role... readers) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name)
          .setQuery(query)
          .setProperties(Map.of(
              "description", description,
              "priority", priority,
              "refresh", true,
              "variables", List.of(
                  Map.of("name", "municipality", "label", "Kommun"),
                  Map.of("name", "cycleYear", "label", "År"))));
      filters.saveFilter(filter);
    }
    for (Role role : readers.length == 0 ? Role.values() : readers) {
      grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      created.setGroupId(groupId);
      created.setResource(resource);
      created.setResourceId(resourceId);
      created.addPermission(permission);
      authorizations.saveAuthorization(created);
    } else if (!existing.isPermissionGranted(permission)) {
      existing.addPermission(permission);
      authorizations.saveAuthorization(existing);
    }
  }
}
