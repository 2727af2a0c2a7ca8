package se.tryggsamverkan.map.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.tryggsamverkan.map.PlaceMap;
import se.tryggsamverkan.web.ApiAccess;

/** The municipality's places of every year, for its map (issue 17); its own users only. */
@RestController
@Tag(name = "Karta", description = "Otrygga platser och hot spots i kommunens lägesbilder, år för år")
@SecurityRequirement(name = "basic")
class PlaceMapController {

  record PlaceView(int year, String party, String name, String kind, String kindName, String description,
      BigDecimal latitude, BigDecimal longitude, boolean hotSpot, List<String> hotSpotReasons) {
  }

  record MapView(String tileUrl, String attribution, List<PlaceView> places) {
  }

  private final PlaceMap map;
  private final ApiAccess access;

  PlaceMapController(PlaceMap map, ApiAccess access) {
    this.map = map;
    this.access = access;
  }

  record Background(String tileUrl, String attribution) {
  }

  @GetMapping(path = "/api/map", produces = "application/json")
  @Operation(summary = "Kartans bakgrund: tile-serverns adress och dess attribuering")
  Background background() {
    return new Background(map.settings().tileUrl(), map.settings().attribution());
  }

  @GetMapping(path = "/api/tenants/{tenantId}/places", produces = "application/json")
  @Operation(summary = "Kommunens platser i lägesbilderna alla år, med position och om de är hot spots")
  MapView places(@PathVariable String tenantId) {
    access.checkTenant(tenantId);
    return new MapView(map.settings().tileUrl(), map.settings().attribution(), map.places(tenantId).stream()
        .map(p -> new PlaceView(p.year(), p.party().swedishName(), p.name(), p.kind().name(), p.kind().swedishName(),
            p.description(), p.latitude(), p.longitude(), p.hotSpot(), p.hotSpotReasons()))
        .toList());
  }
}
