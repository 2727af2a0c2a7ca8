package se.tryggsamverkan.demo;

import java.util.List;
import se.tryggsamverkan.identity.Role;

/** The demo's municipalities and one user per role in each; every demo password is "demo". */
final class DemoUsers {

  static final String PASSWORD = "demo";

  record Municipality(String tenantId, String name, String policeArea, List<DemoUser> users) {
    String userFor(Role role) {
      return users.stream().filter(u -> u.role() == role).findFirst().orElseThrow().id();
    }
  }

  record DemoUser(String id, String firstName, String lastName, Role role) {
    String email() {
      return id + "@example.org";
    }
  }

  static final Municipality KUNGSBACKA = new Municipality("kungsbacka", "Kungsbacka kommun",
      "Lokalpolisområde Kungsbacka", List.of(
          new DemoUser("kungsbacka.polis", "Kommunpolis", "Kungsbacka", Role.POLICE_COORDINATOR),
          new DemoUser("kungsbacka.samordnare", "Brå-samordnare", "Kungsbacka", Role.MUNICIPAL_COORDINATOR),
          new DemoUser("kungsbacka.lpo", "Lokalpolisområdeschef", "Kungsbacka", Role.POLICE_STEERING),
          new DemoUser("kungsbacka.kd", "Kommundirektör", "Kungsbacka", Role.MUNICIPAL_STEERING),
          new DemoUser("kungsbacka.aktivitet", "Aktivitetsansvarig", "Kungsbacka", Role.ACTIVITY_OWNER)));

  static final Municipality KAVLINGE = new Municipality("kavlinge", "Kävlinge kommun",
      "Lokalpolisområde Kävlinge", List.of(
          new DemoUser("kavlinge.polis", "Kommunpolis", "Kävlinge", Role.POLICE_COORDINATOR),
          new DemoUser("kavlinge.samordnare", "Säkerhetssamordnare", "Kävlinge", Role.MUNICIPAL_COORDINATOR),
          new DemoUser("kavlinge.lpo", "Lokalpolisområdeschef", "Kävlinge", Role.POLICE_STEERING),
          new DemoUser("kavlinge.kso", "Kommunstyrelsens ordförande", "Kävlinge", Role.MUNICIPAL_STEERING),
          new DemoUser("kavlinge.aktivitet", "Aktivitetsansvarig", "Kävlinge", Role.ACTIVITY_OWNER)));

  static final List<Municipality> ALL = List.of(KUNGSBACKA, KAVLINGE);

  /** Managers who only read: one for Kungsbacka, one for a region that covers both municipalities. */
  record Manager(String id, String firstName, String lastName, List<Municipality> covers) {
  }

  static final List<Manager> MANAGERS = List.of(
      new Manager("kungsbacka.ledning", "Kommundirektörens stab", "Kungsbacka", List.of(KUNGSBACKA)),
      new Manager("region.ledning", "Regional samordnare", "Polisregionerna Väst och Syd", List.of(KUNGSBACKA, KAVLINGE)));

  private DemoUsers() {
  }
}
