package se.tryggsamverkan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.Agreement;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.common.FormRows;
import se.tryggsamverkan.identity.Directory;
import se.tryggsamverkan.common.FormLimits;

/**
 * Reads and checks the lists coordinators enter in the cycle's forms. Every problem is reported at once, in
 * Swedish, naming the row ("Aktivitet 2: ..."); nothing is returned unless everything is right.
 */
@Component
public class PlanInput {

  private final Directory directory;

  PlanInput(Directory directory) {
    this.directory = directory;
  }

  public record SituationPicture(List<SituationEntry> entries, List<Place> places) {
  }

  /** A coordinate in degrees within the form's min and max (Sweden), six decimals at most (about 0.1 m). */
  private static BigDecimal degrees(FieldChecks checks, String field, String text, String label, String form,
      String path) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.strip().replace(',', '.'));
      Integer min = FormLimits.min(form, path);
      Integer max = FormLimits.maxValue(form, path);
      if ((min != null && value.compareTo(BigDecimal.valueOf(min)) < 0)
          || (max != null && value.compareTo(BigDecimal.valueOf(max)) > 0)) {
        checks.fail(field, label + " " + text.strip() + " ligger utanför Sverige (" + min + "–" + max + " grader)");
        return null;
      }
      return value.setScale(6, java.math.RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      checks.fail(field, label + " '" + text + "' är inget tal i grader, till exempel 57,4921");
      return null;
    }
  }

  public SituationPicture situationPicture(String entriesJson, String placesJson) {
    FieldChecks checks = new FieldChecks();
    List<SituationEntry> entries = new ArrayList<>();
    List<JsonNode> rows = FormRows.read("situationEntries", entriesJson, "Underlag", checks);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = "situationEntries[" + i + "].";
      String label = "Underlag " + (i + 1) + ": ";
      SituationSource source = choice(checks, at + "source", FormRows.text(row, "source"), SituationSource.class,
          label + "Källa");
      String description = checks.requiredText(at + "description", FormRows.text(row, "description"),
          label + "Beskrivning", FormLimits.max("situationPicture", "situationEntries.description"));
      BigDecimal figure = null;
      String figureText = FormRows.text(row, "figure");
      if (figureText != null) {
        try {
          figure = new BigDecimal(figureText.replace(',', '.').replace(" ", ""));
          Integer min = FormLimits.min("situationPicture", "situationEntries.figure");
          if (figure.abs().compareTo(new BigDecimal("1e12")) >= 0) {
            checks.fail(at + "figure", label + "Siffran är orimligt stor");
          } else if (min != null && figure.compareTo(BigDecimal.valueOf(min)) < 0) {
            checks.fail(at + "figure", label + "Siffran får inte vara mindre än " + min);
          }
        } catch (NumberFormatException e) {
          checks.fail(at + "figure", label + "Siffran '" + figureText + "' är inget tal");
        }
      }
      String unit = checks.optionalText(at + "unit", FormRows.text(row, "unit"), label + "Enhet",
          FormLimits.max("situationPicture", "situationEntries.unit"));
      // where an offered figure came from: kept as the form sends it back, checked as anything a client may send
      // not typed (the form shows it read-only), so its limit is the column's (V15)
      String kpiId = checks.optionalText(at + "kpiId", FormRows.text(row, "kpiId"), label + "Nyckeltal", 16);
      if (kpiId != null && !kpiId.matches("[A-Z][A-Z0-9]{1,15}")) {
        checks.fail(at + "kpiId", label + "Nyckeltalet '" + kpiId + "' är inget id i Kolada (till exempel N07540)");
      }
      Integer period = null;
      String periodText = FormRows.text(row, "period");
      if (periodText != null) {
        try {
          period = Integer.valueOf(periodText.strip());
          if (period < 1900 || period > 2200) {
            checks.fail(at + "period", label + "Året " + period + " är inget rimligt år för en siffra");
          }
        } catch (NumberFormatException e) {
          checks.fail(at + "period", label + "Året '" + periodText + "' är inget år");
        }
      }
      LocalDate retrievedOn = null;
      String retrievedText = FormRows.text(row, "retrievedOn");
      if (retrievedText != null) {
        try {
          retrievedOn = LocalDate.parse(retrievedText.strip());
        } catch (java.time.format.DateTimeParseException e) {
          checks.fail(at + "retrievedOn", label + "Hämtdagen '" + retrievedText + "' är inget datum (ÅÅÅÅ-MM-DD)");
        }
      }
      entries.add(new SituationEntry(source, description, figure, unit, kpiId, period, retrievedOn));
    }
    List<Place> places = new ArrayList<>();
    rows = FormRows.read("places", placesJson, "Platser", checks);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = "places[" + i + "].";
      String label = "Plats " + (i + 1) + ": ";
      String name = checks.required(at + "name", FormRows.text(row, "name"), label + "Namn");
      PlaceKind kind = choice(checks, at + "kind", FormRows.text(row, "kind"), PlaceKind.class, label + "Typ");
      String description = checks.optionalText(at + "description", FormRows.text(row, "description"),
          label + "Beskrivning", FormLimits.max("situationPicture", "places.description"));
      BigDecimal latitude = degrees(checks, at + "latitude", FormRows.text(row, "latitude"), label + "Latitud",
          "situationPicture", "places.latitude");
      BigDecimal longitude = degrees(checks, at + "longitude", FormRows.text(row, "longitude"), label + "Longitud",
          "situationPicture", "places.longitude");
      if ((latitude == null) != (longitude == null) && !checks.hasError(at + "latitude")
          && !checks.hasError(at + "longitude")) {
        checks.fail(at + (latitude == null ? "latitude" : "longitude"), label + "Ange både latitud och longitud, "
            + "eller ingen av dem");
      }
      places.add(new Place(name, kind, description, latitude, longitude));
    }
    checks.throwIfAny();
    return new SituationPicture(entries, places);
  }

  public List<String> focusAreas(String json) {
    FieldChecks checks = new FieldChecks();
    List<String> names = new ArrayList<>();
    List<JsonNode> rows = FormRows.read("focusAreas", json, "Fokusområden", checks);
    for (int i = 0; i < rows.size(); i++) {
      String name = checks.required("focusAreas[" + i + "].name", FormRows.text(rows.get(i), "name"),
          "Fokusområde " + (i + 1));
      if (name != null && names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
        checks.fail("focusAreas[" + i + "].name", "Fokusområdet '" + name + "' står med två gånger");
      }
      names.add(name);
    }
    if (rows.isEmpty()) {
      checks.fail("focusAreas", "Ange minst ett fokusområde");
    }
    checks.throwIfAny();
    return names;
  }

  /** The action plan as typed, checked against the agreement: its period and its municipality's users. */
  public ActionPlan actionPlan(String activitiesJson, String promisesJson, Agreement agreement,
      Set<String> focusAreas) {
    FieldChecks checks = new FieldChecks();
    List<Activity> activities = new ArrayList<>();
    List<JsonNode> rows = FormRows.read("activities", activitiesJson, "Aktiviteter", checks);
    if (rows.isEmpty() && !checks.hasError("activities")) {
      checks.fail("activities", "Ange minst en aktivitet");
    }
    for (int i = 0; i < rows.size(); i++) {
      activities.add(activity(rows.get(i), i, agreement, focusAreas, checks));
    }
    List<CitizenPromise> promises = new ArrayList<>();
    rows = FormRows.read("promises", promisesJson, "Medborgarlöften", checks);
    if (rows.isEmpty() && !checks.hasError("promises")) {
      checks.fail("promises", "Ange minst ett förslag till medborgarlöfte");
    }
    for (int i = 0; i < rows.size(); i++) {
      promises.add(promise(rows.get(i), "promises[" + i + "].", "Löfte " + (i + 1) + ": ", "actionPlan",
          "promises.", checks));
    }
    checks.throwIfAny();
    return new ActionPlan(0, activities, promises);
  }

  /**
   * A proposed plan change as typed in {@code planChange.form}: the rows of {@code changedActivities} (stop, new
   * dates, new owner, new follow-up of an activity of the approved plan), {@code newActivities}, {@code newPromises}
   * and {@code newTargets} (a promise's new measurable target), in that order.
   * Every problem is reported at once, per row; whether a row fits the approved plan is checked when it is proposed
   * ({@link PlanChangeDecisions#propose}).
   */
  public List<PlanChange.Row> planChange(String changedJson, String newJson, String newPromisesJson,
      String newTargetsJson, Agreement agreement, Set<String> focusAreas) {
    FieldChecks checks = new FieldChecks();
    List<PlanChange.Row> result = new ArrayList<>();
    List<JsonNode> rows = FormRows.read("changedActivities", changedJson, "Ändrade aktiviteter", checks);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = "changedActivities[" + i + "].";
      String label = "Ändrad aktivitet " + (i + 1) + ": ";
      Long activityId = null;
      String id = checks.required(at + "activityId", FormRows.text(row, "activityId"), label + "Aktivitet");
      if (id != null) {
        try {
          activityId = Long.valueOf(id);
        } catch (NumberFormatException e) {
          checks.fail(at + "activityId", label + "'" + id + "' är ingen aktivitet i planen");
        }
      }
      PlanChange.Kind kind = choice(checks, at + "kind", FormRows.text(row, "kind"), PlanChange.Kind.class,
          label + "Ändring");
      if (kind == PlanChange.Kind.ADD) {
        checks.fail(at + "kind", label + "Nya aktiviteter läggs till under Nya aktiviteter");
      }
      if (activityId == null || kind == null || checks.hasError(at + "kind")) {
        continue;
      }
      result.add(switch (kind) {
        case STOP -> PlanChange.Row.stop(activityId);
        case MOVE -> PlanChange.Row.move(activityId,
            checks.requiredDate(at + "newStartDate", FormRows.text(row, "newStartDate"), label + "Nytt startdatum"),
            checks.requiredDate(at + "newEndDate", FormRows.text(row, "newEndDate"), label + "Nytt slutdatum"));
        case REASSIGN -> PlanChange.Row.reassign(activityId, FormRows.text(row, "newPerson"));
        case REVISE -> {
          String interval = FormRows.text(row, "newInterval");
          yield PlanChange.Row.revise(activityId, checks.optionalText(at + "newIndicators",
              FormRows.text(row, "newIndicators"), label + "Nya uppföljningsindikatorer",
              FormLimits.max("planChange", "changedActivities.newIndicators")),
              interval == null ? null : choice(checks, at + "newInterval", interval, FollowUpInterval.class,
                  label + "Nytt uppföljningsintervall"));
        }
        default -> throw new IllegalStateException(kind.name());
      });
    }
    rows = FormRows.read("newActivities", newJson, "Nya aktiviteter", checks);
    for (int i = 0; i < rows.size(); i++) {
      result.add(PlanChange.Row.add(activity(rows.get(i), "newActivities[" + i + "].", "Ny aktivitet " + (i + 1)
          + ": ", "planChange", "newActivities.", agreement, focusAreas, checks)));
    }
    rows = FormRows.read("newPromises", newPromisesJson, "Nya medborgarlöften", checks);
    for (int i = 0; i < rows.size(); i++) {
      CitizenPromise promise = promise(rows.get(i), "newPromises[" + i + "].", "Nytt löfte " + (i + 1) + ": ",
          "planChange", "newPromises.", checks);
      if (promise.text() != null && promise.party() != null) {
        result.add(PlanChange.Row.addPromise(promise));
      }
    }
    rows = FormRows.read("newTargets", newTargetsJson, "Nya mål för medborgarlöften", checks);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = "newTargets[" + i + "].";
      String label = "Nytt mål " + (i + 1) + ": ";
      String id = checks.required(at + "promiseId", FormRows.text(row, "promiseId"), label + "Löfte");
      PromiseTarget target = target(checks, at + "target", FormRows.text(row, "target"), label, true);
      if (id != null && target != null) {
        try {
          result.add(PlanChange.Row.retargetPromise(Long.parseLong(id), target));
        } catch (NumberFormatException e) {
          checks.fail(at + "promiseId", label + "'" + id + "' är inget löfte i planen");
        }
      }
    }
    checks.throwIfAny();
    return result;
  }

  /** One promise as the action plan's list and the plan change's list of new promises type it. */
  private static CitizenPromise promise(JsonNode row, String at, String label, String form, String list,
      FieldChecks checks) {
    String text = checks.requiredText(at + "text", FormRows.text(row, "text"), label + "Löftet",
        FormLimits.max(form, list + "text"));
    Responsible party = choice(checks, at + "party", FormRows.text(row, "party"), Responsible.class,
        label + "Vem lovar");
    return new CitizenPromise(text, party, target(checks, at + "target", FormRows.text(row, "target"), label, false));
  }

  /** A measurable target as typed ("minst 2 per månad"); refused in Swedish when it cannot be read. */
  private static PromiseTarget target(FieldChecks checks, String field, String text, String label, boolean required) {
    if (text == null) {
      if (required) {
        checks.fail(field, label + "Ange det nya mätbara målet, till exempel minst 2 per månad");
      }
      return null;
    }
    try {
      return PromiseTarget.parse(text).orElse(null);
    } catch (IllegalArgumentException e) {
      checks.fail(field, label + e.getMessage());
      return null;
    }
  }

  private Activity activity(JsonNode row, int i, Agreement agreement, Set<String> focusAreas, FieldChecks checks) {
    return activity(row, "activities[" + i + "].", "Aktivitet " + (i + 1) + ": ", "actionPlan", "activities.",
        agreement, focusAreas, checks);
  }

  /** One activity as the action plan's list and the plan change's list of new activities type it. */
  private Activity activity(JsonNode row, String at, String label, String form, String list, Agreement agreement,
      Set<String> focusAreas, FieldChecks checks) {
    String focusArea = checks.required(at + "focusArea", FormRows.text(row, "focusArea"), label + "Fokusområde");
    if (focusArea != null && !focusAreas.isEmpty()
        && focusAreas.stream().noneMatch(f -> f.equalsIgnoreCase(focusArea))) {
      checks.fail(at + "focusArea", label + "Fokusområdet '" + focusArea + "' finns inte bland årets fokusområden ("
          + String.join(", ", focusAreas) + ")");
    }
    String description = checks.requiredText(at + "description", FormRows.text(row, "description"),
        label + "Aktivitet", FormLimits.max(form, list + "description"));
    String effect = checks.requiredText(at + "expectedEffect", FormRows.text(row, "expectedEffect"),
        label + "Förväntad effekt", FormLimits.max(form, list + "expectedEffect"));
    Responsible party = choice(checks, at + "responsibleParty", FormRows.text(row, "responsibleParty"),
        Responsible.class, label + "Ansvarig part");
    String person = checks.required(at + "responsiblePerson", FormRows.text(row, "responsiblePerson"),
        label + "Ansvarig person");
    if (person != null && !directory.isUserInTenant(person, agreement.tenantId())) {
      checks.fail(at + "responsiblePerson", label + "Ansvarig person '" + person
          + "' är ingen användare i kommunen (ange användar-id)");
    }
    LocalDate start = checks.requiredDate(at + "startDate", FormRows.text(row, "startDate"), label + "Startdatum");
    LocalDate end = checks.requiredDate(at + "endDate", FormRows.text(row, "endDate"), label + "Slutdatum");
    if (start != null && end != null && end.isBefore(start)) {
      checks.fail(at + "endDate", label + "Slutdatum " + end + " får inte vara före startdatum " + start);
    }
    insidePeriod(checks, at + "startDate", start, agreement, label + "Startdatum");
    insidePeriod(checks, at + "endDate", end, agreement, label + "Slutdatum");
    String indicators = checks.requiredText(at + "indicators", FormRows.text(row, "indicators"),
        label + "Uppföljningsindikatorer", FormLimits.max(form, list + "indicators"));
    String intervalText = FormRows.text(row, "followUpInterval");
    FollowUpInterval interval = intervalText == null ? FollowUpInterval.QUARTERLY
        : choice(checks, at + "followUpInterval", intervalText, FollowUpInterval.class, label + "Uppföljningsintervall");
    return new Activity(focusArea, description, effect, party, person, start, end, indicators, interval);
  }

  static void insidePeriod(FieldChecks checks, String field, LocalDate date, Agreement agreement,
      String label) {
    if (date != null && !checks.hasError(field)
        && (date.isBefore(agreement.periodStart()) || date.isAfter(agreement.periodEnd()))) {
      checks.fail(field, label + " " + date + " ligger utanför överenskommelsens period "
          + agreement.periodStart() + "–" + agreement.periodEnd());
    }
  }

  private static <E extends Enum<E>> E choice(FieldChecks checks, String field, String value, Class<E> type,
      String label) {
    if (value == null) {
      checks.fail(field, label + " måste väljas");
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      checks.fail(field, label + ": '" + value + "' är inget giltigt val");
      return null;
    }
  }
}
