package se.tryggsamverkan.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Issue 17, places on a map: positions typed into the situation pictures of two years, the municipality's map of
 * every year with its hot spots (a place that comes back, by name or within 150 m, or that both parties name), a
 * position outside Sweden or half a position refused in Swedish, and another municipality's places never there.
 */
@PostgresProcessTest
class PlaceMapTest {

  static final String HOSTILE = "<img src=x onerror=alert(1)> Torget";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  Http http;
  TestMunicipality kungsbacka;
  TestMunicipality kavlinge;

  @BeforeEach
  void municipalities() {
    init(engine);
    http = new Http(port);
    kungsbacka = TestMunicipality.create(identity, "Kungsbacka");
    kavlinge = TestMunicipality.create(identity, "Kävlinge");
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void theMapHoldsEveryYearsPlacesAndMarksWhatComesBackOrBothPartiesNameAsHotSpots() {
    Clock.setTo("2025-11-03T09:00");
    CycleDriver kb = new CycleDriver(engine, kungsbacka);
    ProcessInstance first = kb.cycleAtTheSituationPictures("map-2026-" + kungsbacka.tenantId(), 2026);
    pictures(kb, first,
        "[{\"name\":\"Resecentrum\",\"kind\":\"UNSAFE_PLACE\",\"latitude\":57.4921,\"longitude\":12.0747},"
            + "{\"name\":\"Badhusparken\",\"kind\":\"HOT_SPOT\"}]",
        "[{\"name\":\" badhusparken \",\"kind\":\"UNSAFE_PLACE\",\"description\":\"Gängbildning\"},"
            + "{\"name\":\"Kolla parkering\",\"kind\":\"CRIME_CLUSTER\",\"latitude\":57.5000,\"longitude\":12.0500}]");
    Clock.setTo("2026-11-02T09:00");
    ProcessInstance second = kb.cycleAtTheSituationPictures("map-2027-" + kungsbacka.tenantId(), 2027);
    pictures(kb, second,
        // 100 m from Resecentrum under another name; 1.5 km from Kolla parkering
        "[{\"name\":\"Tunneln vid stationen\",\"kind\":\"HOT_SPOT\",\"latitude\":57.4930,\"longitude\":12.0747},"
            + "{\"name\":" + json(HOSTILE) + ",\"kind\":\"UNSAFE_PLACE\",\"latitude\":57.5135,\"longitude\":12.0500}]",
        "[]");
    CycleDriver kv = new CycleDriver(engine, kavlinge);
    ProcessInstance other = kv.cycleAtTheSituationPictures("map-" + kavlinge.tenantId(), 2027);
    pictures(kv, other, "[{\"name\":\"Resecentrum\",\"kind\":\"UNSAFE_PLACE\",\"latitude\":55.79,"
        + "\"longitude\":13.11}]", "[]");

    JsonNode map = http.parse(http.get("/api/tenants/" + kungsbacka.tenantId() + "/places",
        kungsbacka.user(Role.MUNICIPAL_STEERING), "test").body());
    assertThat(map.path("tileUrl").asText()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    assertThat(map.path("attribution").asText()).contains("OpenStreetMap");
    Map<String, JsonNode> byName = new HashMap<>();
    List<Integer> years = new ArrayList<>();
    map.path("places").forEach(p -> {
      byName.put(p.path("name").asText().strip() + "/" + p.path("year").asInt() + "/" + p.path("party").asText(), p);
      years.add(p.path("year").asInt());
    });
    assertThat(byName).hasSize(6);
    assertThat(years).as("the newest year first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(reasons(byName.get("Resecentrum/2026/Polisen"))).containsExactly("Återkommer 2026, 2027");
    assertThat(reasons(byName.get("Tunneln vid stationen/2027/Polisen"))).containsExactly("Återkommer 2026, 2027");
    assertThat(reasons(byName.get("Badhusparken/2026/Polisen"))).containsExactly("I båda parternas lägesbild 2026");
    assertThat(reasons(byName.get("badhusparken/2026/Kommunen"))).containsExactly("I båda parternas lägesbild 2026");
    assertThat(byName.get("Kolla parkering/2026/Kommunen").path("hotSpot").asBoolean()).isFalse();
    assertThat(byName.get("Kolla parkering/2026/Kommunen").path("kindName").asText())
        .isEqualTo("Kluster av brottsplatser");
    JsonNode hostile = byName.get(HOSTILE + "/2027/Polisen");
    assertThat(hostile.path("hotSpot").asBoolean()).as("1.5 km away").isFalse();
    assertThat(hostile.path("latitude").decimalValue()).isEqualByComparingTo("57.5135");
    assertThat(byName.get("Badhusparken/2026/Polisen").path("latitude").isNull()).isTrue();
    assertThat(map.toString()).as("another municipality's places").doesNotContain("55.79");

    for (Role role : Role.values()) {
      assertThat(http.get("/api/tenants/" + kungsbacka.tenantId() + "/places", kavlinge.user(role), "test")
          .statusCode()).as("Kävlinge " + role).isEqualTo(403);
    }
    assertThat(http.get("/api/tenants/" + kungsbacka.tenantId() + "/places", null, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aPositionOutsideSwedenHalfAPositionOrNoNumberIsRefusedInSwedish() {
    Clock.setTo("2026-11-02T09:00");
    CycleDriver kb = new CycleDriver(engine, kungsbacka);
    ProcessInstance cycle = kb.cycleAtTheSituationPictures("map-bad-" + kungsbacka.tenantId(), 2027);
    Map<String, String> refused = Map.of(
        "{\"name\":\"A\",\"kind\":\"UNSAFE_PLACE\",\"latitude\":48.85,\"longitude\":2.35}",
        "Plats 1: Latitud 48.85 ligger utanför Sverige (55–70 grader)",
        "{\"name\":\"A\",\"kind\":\"UNSAFE_PLACE\",\"latitude\":57.49}",
        "Plats 1: Ange både latitud och longitud, eller ingen av dem",
        "{\"name\":\"A\",\"kind\":\"UNSAFE_PLACE\",\"latitude\":\"norr\",\"longitude\":12.07}",
        "Plats 1: Latitud 'norr' är inget tal i grader",
        "{\"name\":\"A\",\"kind\":\"UNSAFE_PLACE\",\"latitude\":57.49,\"longitude\":99}",
        "Plats 1: Longitud 99 ligger utanför Sverige (10–25 grader)");
    for (var bad : refused.entrySet()) {
      assertThatThrownBy(() -> kb.complete(cycle, TASK_POLICE_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(),
          "Bild", PLACES.name(), CycleDriver.json("[" + bad.getKey() + "]"))))
          .as(bad.getKey()).hasMessageContaining(bad.getValue());
    }
    assertThat(kb.task(cycle, TASK_POLICE_SITUATION_PICTURE)).as("nothing lost: the task is still open").isNotNull();
  }

  private static void pictures(CycleDriver driver, ProcessInstance cycle, String policePlaces,
      String municipalPlaces) {
    driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(), "Polisens bild",
        PLACES.name(), CycleDriver.json(policePlaces)));
    driver.complete(cycle, TASK_MUNICIPAL_SITUATION_PICTURE, Map.of(SITUATION_PICTURE.name(), "Kommunens bild",
        PLACES.name(), CycleDriver.json(municipalPlaces)));
  }

  private static List<String> reasons(JsonNode place) {
    assertThat(place).isNotNull();
    List<String> reasons = new ArrayList<>();
    place.path("hotSpotReasons").forEach(r -> reasons.add(r.asText()));
    assertThat(place.path("hotSpot").asBoolean()).isEqualTo(!reasons.isEmpty());
    return reasons;
  }

  private static String json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
