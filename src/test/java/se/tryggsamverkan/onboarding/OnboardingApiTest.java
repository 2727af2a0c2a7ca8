package se.tryggsamverkan.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestAdministrator;
import se.tryggsamverkan.support.TestMunicipality;
import se.tryggsamverkan.support.WebappSession;

/**
 * An administrator adds a municipality and its people through the API, one at a time or many from a CSV file;
 * the people then work in their municipality and see nothing of another. Everyone else is refused.
 */
@PostgresProcessTest
class OnboardingApiTest {

  private static final String API = "/api/admin/municipalities";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  Http http;
  String admin;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void anAdministrator() {
    Clock.setTo("2026-01-02T09:00");
    http = new Http(port);
    admin = TestAdministrator.create(identity);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void aMunicipalityAddedWithItsPeopleRunsItsCycleAndItsCoordinatorSeesOnlyItsOwnWork() throws Exception {
    String tenantId = "kungsor-" + UUID.randomUUID().toString().substring(0, 6);
    ObjectNode body = municipality("Kungsör", "Lokalpolisområde Köping", everyRole(tenantId));

    HttpResponse<String> created = http.send("PUT", API + "/" + tenantId, admin, "test", body.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode outcome = json.readTree(created.body());
    assertThat(texts(outcome.path("changes"))).contains("Lade till kommunen Kungsör (" + tenantId + ")")
        .hasSize(1 + 3 * Role.values().length);
    assertThat(texts(outcome.path("municipality").path("missing"))).as("nothing missing").isEmpty();
    assertThat(outcome.path("municipality").path("people")).hasSize(Role.values().length);

    HttpResponse<String> again = http.send("PUT", API + "/" + tenantId, admin, "test", body.toString());
    assertThat(json.readTree(again.body()).path("changes")).as("the same again changes nothing").isEmpty();
    assertThat(http.json("/api/admin/changes?tenantId=" + tenantId, admin, "test"))
        .hasSize(1 + 3 * Role.values().length)
        .allSatisfy(change -> assertThat(change.path("by").asText()).isEqualTo(admin));

    // the administrator gives the coordinator a password in Camunda Admin (or the coordinator logs in with SSO)
    TestMunicipality kungsor = new TestMunicipality(tenantId, "Kungsör");
    String coordinator = kungsor.user(Role.POLICE_COORDINATOR);
    HttpResponse<String> password = http.send("PUT", "/engine-rest/user/" + coordinator + "/credentials", admin,
        "test", "{\"password\":\"test\",\"authenticatedUserPassword\":\"test\"}");
    assertThat(password.statusCode()).as(password.body()).isEqualTo(204);

    TestMunicipality kavlinge = TestMunicipality.create(identity, "Kävlinge");
    ProcessInstance ours = cycleWaitingForTheSituationPicture(kungsor);
    ProcessInstance theirs = cycleWaitingForTheSituationPicture(kavlinge);
    Task ourTask = new CycleDriver(engine, kungsor).task(ours, "Task_PoliceSituationPicture");
    Task theirTask = new CycleDriver(engine, kavlinge).task(theirs, "Task_PoliceSituationPicture");

    JsonNode tasks = http.json("/engine-rest/task?candidateGroup=" + Role.POLICE_COORDINATOR.groupId(), coordinator,
        "test");
    assertThat(StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("id").asText()))
        .contains(ourTask.getId()).doesNotContain(theirTask.getId());
    assertThat(StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("tenantId").asText()))
        .containsOnly(tenantId);
    assertThat(http.get("/engine-rest/task/" + theirTask.getId(), coordinator, "test").statusCode())
        .isEqualTo(404);
    assertThat(http.json("/api/overview", coordinator, "test").toString()).contains("Kungsör")
        .doesNotContain("Kävlinge");
  }

  @Test
  void theListingSaysWhichRolesAMunicipalityLacksAndAPersonOfSeveralMunicipalitiesIsOneUser() throws Exception {
    String a = "arboga-" + UUID.randomUUID().toString().substring(0, 6);
    String b = "koping-" + UUID.randomUUID().toString().substring(0, 6);
    String shared = "kommunpolis-" + UUID.randomUUID().toString().substring(0, 6);
    ArrayNode onlyThePolice = json.createArrayNode();
    onlyThePolice.add(person(shared, "Kim", "Berg", Role.POLICE_COORDINATOR));
    assertThat(http.send("PUT", API + "/" + a, admin, "test",
        municipality("Arboga", "Lokalpolisområde Köping", onlyThePolice).toString()).statusCode()).isEqualTo(200);
    ArrayNode both = onlyThePolice.deepCopy();
    both.add(person("samordnare-" + b, "Sara", "Ek", Role.MUNICIPAL_COORDINATOR));
    assertThat(http.send("PUT", API + "/" + b, admin, "test",
        municipality("Köping", "Lokalpolisområde Köping", both).toString()).statusCode()).isEqualTo(200);

    // a municipality added outside onboarding (the demo's, by Camunda Admin) is listed too, with its people
    TestMunicipality earlier = TestMunicipality.create(identity, "Kungsbacka");
    JsonNode listed = StreamSupport.stream(http.json(API, admin, "test").spliterator(), false)
        .filter(m -> m.path("tenantId").asText().equals(earlier.tenantId())).findFirst().orElseThrow();
    assertThat(listed.path("name").asText()).isEqualTo("Kungsbacka");
    assertThat(listed.path("people")).hasSize(Role.values().length);
    assertThat(listed.path("missing")).isEmpty();
    assertThat(http.json(API + "/" + earlier.tenantId(), admin, "test").path("name").asText()).isEqualTo("Kungsbacka");

    JsonNode arboga = http.json(API + "/" + a, admin, "test");
    assertThat(texts(arboga.path("missing"))).containsExactly(Role.MUNICIPAL_COORDINATOR.swedishName(),
        Role.POLICE_STEERING.swedishName(), Role.MUNICIPAL_STEERING.swedishName());
    assertThat(arboga.path("people").get(0).path("otherMunicipalities").get(0).asText()).isEqualTo(b);
    assertThat(identity.createUserQuery().userId(shared).count()).isEqualTo(1);
    assertThat(identity.createTenantQuery().userMember(shared).count()).isEqualTo(2);

    // Arboga again without Kim: Kim leaves Arboga, keeps Köping and the role
    http.send("PUT", API + "/" + a, admin, "test", municipality("Arboga", null, json.createArrayNode()).toString());
    assertThat(identity.createTenantQuery().userMember(shared).list()).extracting(t -> t.getId()).containsExactly(b);
    assertThat(identity.createUserQuery().userId(shared).memberOfGroup(Role.POLICE_COORDINATOR.groupId()).count())
        .isEqualTo(1);
    assertThat(texts(http.json("/api/admin/changes?tenantId=" + a, admin, "test"), "what"))
        .contains("Tog bort " + shared + " från Arboga", "Ändrade lokalpolisområde till (inget)");
  }

  @Test
  void badInputIsRefusedInSwedishFieldByFieldAndNothingIsStored() throws Exception {
    ArrayNode people = json.createArrayNode();
    people.add(person("ok.person", "Ok", "Person", Role.POLICE_COORDINATOR));
    people.add(person("Fel Id", "", "Person", Role.MUNICIPAL_COORDINATOR).put("email", "inte-en-adress"));
    people.add(person("ok.person", "Dubbel", "Person", Role.MANAGER));
    ObjectNode body = municipality("", "x".repeat(Onboarding.NAME_MAX + 1), people);

    HttpResponse<String> refused = http.send("PUT", API + "/Fel_Kommun", admin, "test", body.toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(refused.body()).path("fieldErrors");
    assertThat(errors.path("tenantId").asText()).contains("Kommun-id 'Fel_Kommun' får bara ha små bokstäver");
    assertThat(errors.path("name").asText()).isEqualTo("Kommunens namn måste fyllas i");
    assertThat(errors.path("policeArea").asText()).contains("för lång (högst " + Onboarding.NAME_MAX + " tecken)");
    assertThat(errors.path("people[1].userId").asText()).contains("Person 2: Användar-id 'Fel Id'");
    assertThat(errors.path("people[1].firstName").asText()).isEqualTo("Person 2: Förnamn måste fyllas i");
    assertThat(errors.path("people[1].email").asText()).contains("'inte-en-adress' är ingen giltig e-postadress");
    assertThat(errors.path("people[2].userId").asText()).isEqualTo("Person 3: ok.person finns redan som person 1");
    assertThat(identity.createUserQuery().userId("ok.person").count()).as("nothing stored").isZero();
    assertThat(http.get(API + "/fel-kommun", admin, "test").statusCode()).isEqualTo(404);

    HttpResponse<String> unknownRole = http.send("PUT", API + "/ny-kommun", admin, "test",
        "{\"name\":\"Ny\",\"people\":[{\"userId\":\"a.b\",\"firstName\":\"A\",\"lastName\":\"B\","
            + "\"email\":\"a@b.se\",\"roles\":[\"boss\"]}]}");
    assertThat(unknownRole.statusCode()).isEqualTo(400);
    assertThat(unknownRole.body()).contains("Person 1: okänd roll 'boss'");
    assertThat(http.send("PUT", API + "/ny-kommun", admin, "test", "{inte json").statusCode()).isEqualTo(400);
  }

  @Test
  void nobodyButAnAdministratorReachesItAndAPageOfThisSiteMayWriteWithTheWebappLogin() throws Exception {
    TestMunicipality kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    List<String[]> calls = List.of(new String[] {"GET", API}, new String[] {"GET", API + "/" + kungsbacka.tenantId()},
        new String[] {"PUT", API + "/" + kungsbacka.tenantId()}, new String[] {"GET", "/api/admin/changes"},
        new String[] {"GET", "/api/admin/roles"});
    int refused = 0;
    for (Role role : Role.values()) {
      for (String[] call : calls) {
        HttpResponse<String> response = http.send(call[0], call[1], kungsbacka.user(role), "test",
            "{\"name\":\"Kapad\",\"people\":[]}");
        assertThat(response.statusCode()).as(call[0] + " " + call[1] + " as " + role).isEqualTo(403);
        assertThat(response.body()).contains("Endast administratörer");
        refused++;
      }
      HttpResponse<String> csv = http.send("POST", API + "/import", kungsbacka.user(role), "test",
          String.join(";", Onboarding.CSV_COLUMNS) + "\n", "text/csv");
      assertThat(csv.statusCode()).isEqualTo(403);
      refused++;
    }
    assertThat(http.get(API, null, null).statusCode()).isEqualTo(401);
    assertThat(identity.createTenantQuery().tenantId(kungsbacka.tenantId()).singleResult().getName())
        .isEqualTo("Kungsbacka");
    System.out.printf("OnboardingApiTest: %d calls by %d roles refused with 403%n", refused, Role.values().length);

    // the administrator's page writes with the web applications' login and the header only its own script sends
    WebappSession session = WebappSession.logIn(port, admin);
    String tenantId = "sida-" + UUID.randomUUID().toString().substring(0, 6);
    String body = municipality("Sidans kommun", null, json.createArrayNode()).toString();
    assertThat(session.sendWith("PUT", API + "/" + tenantId, body).statusCode())
        .as("a write with the session alone, as another site's form would send it").isEqualTo(401);
    assertThat(identity.createTenantQuery().tenantId(tenantId).count()).isZero();
    assertThat(session.sendWith("PUT", API + "/" + tenantId, body, "X-Requested-With", "XMLHttpRequest")
        .statusCode()).isEqualTo(200);
    assertThat(identity.createTenantQuery().tenantId(tenantId).count()).isEqualTo(1);
  }

  @Test
  void aFileOf290MunicipalitiesIsImportedOnceAndAgainWithoutChangeAndBadRowsAreReportedOneByOne()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 5);
    StringBuilder csv = new StringBuilder(String.join(";", Onboarding.CSV_COLUMNS)).append('\n');
    int municipalities = 290;
    List<Role> roles = List.copyOf(Onboarding.NEEDED);
    for (int m = 0; m < municipalities; m++) {
      String tenantId = "k" + m + "-" + run;
      for (Role role : roles) {
        csv.append(String.join(";", tenantId, "\"Kommun " + m + "; test\"", "Lokalpolisområde " + (m / 3),
            tenantId + "." + role.groupId(), "Förnamn", "Efternamn " + m, tenantId + "." + role.groupId()
                + "@example.org", role.groupId())).append('\n');
      }
    }
    int good = municipalities * roles.size();
    String first = "k0-" + run;
    csv.append(String.join(";", first, "\"Kommun 0; test\"", "Lokalpolisområde 0", first + ".chef", "Chef", "Chefsson",
        first + ".chef@example.org", "boss")).append('\n');
    csv.append(String.join(";", first, "\"Kommun 0; test\"", "Lokalpolisområde 0", first + ".utan-epost", "Utan",
        "Epost", "", "manager")).append('\n');
    csv.append(String.join(";", first, "\"Kommun 0; test\"", "Lokalpolisområde 0", first + "." + roles.get(0).groupId(),
        "Förnamn", "Efternamn 0", first + "." + roles.get(0).groupId() + "@example.org", roles.get(0).groupId()))
        .append('\n');

    long start = System.nanoTime();
    JsonNode report = json.readTree(http.send("POST", API + "/import", admin, "test", csv.toString(), "text/csv")
        .body());
    double firstSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    JsonNode second = json.readTree(http.send("POST", API + "/import", admin, "test", csv.toString(), "text/csv")
        .body());
    double secondSeconds = (System.nanoTime() - start) / 1e9;

    assertThat(report.path("rows").asInt()).isEqualTo(good + 3);
    assertThat(report.path("municipalitiesCreated").asInt()).isEqualTo(municipalities);
    assertThat(report.path("usersCreated").asInt()).isEqualTo(good);
    List<String> refused = new ArrayList<>();
    report.path("refused").forEach(r -> refused.add(r.path("row").asInt() + ": " + r.path("reason").asText()));
    assertThat(refused).containsExactly(
        (good + 2) + ": okänd roll 'boss' (giltiga: police-coordinator, municipal-coordinator, police-steering, "
            + "municipal-steering, activity-owner, manager)",
        (good + 3) + ": E-post måste fyllas i",
        (good + 4) + ": samma kommun, person och roll som rad 2");
    assertThat(second.path("changes").asInt()).as("the second run changes nothing").isZero();
    assertThat(second.path("municipalitiesCreated").asInt()).isZero();
    assertThat(second.path("unchanged").asInt()).isEqualTo(good);
    assertThat(second.path("refused")).hasSize(3);
    JsonNode one = http.json(API + "/" + first, admin, "test");
    assertThat(one.path("name").asText()).isEqualTo("Kommun 0; test");
    assertThat(one.path("missing")).isEmpty();
    System.out.printf("OnboardingApiTest: CSV import of %d municipalities, %d rows (%d refused): first run %.1f s "
        + "(%d changes), second run %.1f s (%d changes)%n", municipalities, good + 3, refused.size(), firstSeconds,
        report.path("changes").asInt(), secondSeconds, second.path("changes").asInt());
  }

  private ProcessInstance cycleWaitingForTheSituationPicture(TestMunicipality municipality) {
    return new CycleDriver(engine, municipality).cycleAtTheSituationPictures("onb-" + municipality.tenantId(), 2027);
  }

  private ArrayNode everyRole(String tenantId) {
    ArrayNode people = json.createArrayNode();
    for (Role role : Role.values()) {
      people.add(person(tenantId + "." + role.groupId(), role.swedishName().split(" ")[0], "Kungsör", role));
    }
    return people;
  }

  private ObjectNode person(String userId, String firstName, String lastName, Role role) {
    ObjectNode person = json.createObjectNode().put("userId", userId).put("firstName", firstName)
        .put("lastName", lastName).put("email", userId.replace(' ', '_') + "@example.org");
    person.putArray("roles").add(role.groupId());
    return person;
  }

  private ObjectNode municipality(String name, String policeArea, ArrayNode people) {
    ObjectNode body = json.createObjectNode().put("name", name).put("policeArea", policeArea);
    body.set("people", people);
    return body;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }
}
