package se.tryggsamverkan.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map's background (issue 17): a tile server in Leaflet's URL template and the attribution its licence asks
 * for. OpenStreetMap's by default; an installation with its own tile server (or none reachable) sets another.
 */
@ConfigurationProperties("trygg.map")
public record MapSettings(String tileUrl, String attribution, Integer sameplaceMetres) {

  public MapSettings {
    tileUrl = tileUrl == null || tileUrl.isBlank() ? "https://tile.openstreetmap.org/{z}/{x}/{y}.png" : tileUrl;
    attribution = attribution == null || attribution.isBlank() ? "© OpenStreetMap-bidragsgivare" : attribution;
    sameplaceMetres = sameplaceMetres == null ? 150 : sameplaceMetres;
  }
}
