package se.tryggsamverkan.reminder.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.engine.EngineClock;
import se.tryggsamverkan.reminder.Recipient;
import se.tryggsamverkan.reminder.Recipients;
import se.tryggsamverkan.reminder.TaskFacts;

/** Recipients from Camunda's users, groups and tenants, and from the agreement's named people. */
@Component
class CamundaRecipients implements Recipients {

  private final IdentityService identity;
  private final AgreementRepository agreements;
  private final EngineClock clock;

  CamundaRecipients(IdentityService identity, AgreementRepository agreements, EngineClock clock) {
    this.identity = identity;
    this.agreements = agreements;
    this.clock = clock;
  }

  @Override
  public List<Recipient> forReminder(TaskFacts task) {
    if (task.assignee() != null) {
      return List.of(user(task.assignee()));
    }
    Map<String, Recipient> members = new LinkedHashMap<>();
    for (String group : task.candidateGroups()) {
      var query = identity.createUserQuery().memberOfGroup(group);
      if (task.tenantId() != null) {
        query = query.memberOfTenant(task.tenantId());
      }
      query.orderByUserId().asc().list().forEach(u -> members.putIfAbsent(u.getId(), of(u)));
    }
    return new ArrayList<>(members.values());
  }

  @Override
  public List<Recipient> forEscalation(TaskFacts task) {
    Optional<Agreement> agreement = task.agreementId() == null ? Optional.empty()
        : agreements.findById(task.agreementId());
    if (agreement.isEmpty()) {
      return forReminder(task);
    }
    Agreement a = agreement.get();
    Map<String, Recipient> to = new LinkedHashMap<>();
    for (String userId : List.of(a.policeCoordinator(), a.municipalCoordinator(),
        a.steeringMemberOf(a.chairRotation().chairOn(clock.today())))) {
      to.putIfAbsent(userId, user(userId));
    }
    return new ArrayList<>(to.values());
  }

  @Override
  public List<Recipient> users(List<String> userIds) {
    Map<String, Recipient> to = new LinkedHashMap<>();
    userIds.forEach(id -> to.putIfAbsent(id, user(id)));
    return new ArrayList<>(to.values());
  }

  /** A user who no longer exists is still a recipient: the mail is recorded as not sendable. */
  private Recipient user(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user == null ? new Recipient(userId, userId, null) : of(user);
  }

  private static Recipient of(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new Recipient(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
  }
}
