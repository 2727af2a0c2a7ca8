package se.tryggsamverkan.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.tryggsamverkan.agreement.Party;
import se.tryggsamverkan.plan.PlaceKind;

/**
 * Every place the municipality's situation pictures named, this year and earlier (issue 17), and which of them are
 * hot spots: a place that comes back in another year, or that both parties named in the same year. Two places are
 * the same when their names are the same (case and spaces aside) or their positions lie within
 * {@code trygg.map.sameplace-metres} of each other.
 */
@Service
@EnableConfigurationProperties(MapSettings.class)
public class PlaceMap {

  private static final double EARTH_METRES = 6_371_000;

  /** A place as one party named it in one year, and why it counts as a hot spot (empty: it does not). */
  public record MapPlace(int year, Party party, String name, PlaceKind kind, String description, BigDecimal latitude,
      BigDecimal longitude, List<String> hotSpotReasons) {

    public boolean hotSpot() {
      return !hotSpotReasons.isEmpty();
    }

    public boolean positioned() {
      return latitude != null && longitude != null;
    }
  }

  private final JdbcClient jdbc;
  private final MapSettings settings;

  PlaceMap(JdbcClient jdbc, MapSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  public MapSettings settings() {
    return settings;
  }

  /** The municipality's places of every year, the newest year first. */
  public List<MapPlace> places(String tenantId) {
    record Row(int year, Party party, String name, PlaceKind kind, String description, BigDecimal lat,
        BigDecimal lon) {
    }
    List<Row> rows = jdbc.sql("select p.cycle_year, p.party, p.name, p.kind, p.description, p.latitude, p.longitude "
            + "from place p join agreement a on a.id = p.agreement_id where a.tenant_id = :t "
            + "order by p.cycle_year desc, p.id")
        .param("t", tenantId)
        .query((rs, n) -> new Row(rs.getInt(1), Party.valueOf(rs.getString(2)), rs.getString(3),
            PlaceKind.valueOf(rs.getString(4)), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
        .list();
    List<MapPlace> places = new ArrayList<>();
    for (Row row : rows) {
      SortedSet<Integer> otherYears = new TreeSet<>();
      boolean bothParties = false;
      for (Row other : rows) {
        if (other == row || !same(row.name(), row.lat(), row.lon(), other.name(), other.lat(), other.lon())) {
          continue;
        }
        if (other.year() != row.year()) {
          otherYears.add(other.year());
        } else if (other.party() != row.party()) {
          bothParties = true;
        }
      }
      List<String> reasons = new ArrayList<>();
      if (!otherYears.isEmpty()) {
        otherYears.add(row.year());
        reasons.add("Återkommer " + String.join(", ", otherYears.stream().map(String::valueOf).toList()));
      }
      if (bothParties) {
        reasons.add("I båda parternas lägesbild " + row.year());
      }
      places.add(new MapPlace(row.year(), row.party(), row.name(), row.kind(), row.description(), row.lat(),
          row.lon(), List.copyOf(reasons)));
    }
    return places;
  }

  boolean same(String name, BigDecimal lat, BigDecimal lon, String otherName, BigDecimal otherLat,
      BigDecimal otherLon) {
    if (normalised(name).equals(normalised(otherName))) {
      return true;
    }
    return lat != null && lon != null && otherLat != null && otherLon != null
        && metres(lat.doubleValue(), lon.doubleValue(), otherLat.doubleValue(), otherLon.doubleValue())
            <= settings.sameplaceMetres();
  }

  /** The great-circle distance (haversine). */
  static double metres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
        * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private static String normalised(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.forLanguageTag("sv-SE"));
  }
}
