package se.tryggsamverkan.onboarding;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.tryggsamverkan.common.FieldChecks;
import se.tryggsamverkan.common.InvalidInputException;
import se.tryggsamverkan.identity.Role;

/**
 * Adding municipalities and their people, one at a time or many from one CSV file. Adds and changes; never deletes
 * a user (they may work for another municipality). Every change is recorded with who made it and when.
 */
@Service
public class Onboarding {

  /** A municipality's id: the engine tenant, in business keys and URLs. */
  public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
  /** A user id: what people log in with, and the engine's 64 characters. */
  public static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
  public static final int NAME_MAX = 100;
  public static final int EMAIL_MAX = 255;
  public static final int PEOPLE_MAX = 200;
  /** Who must be there for a yearly cycle to run: both coordinators and both steering-group members. */
  public static final Set<Role> NEEDED = EnumSet.of(Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR,
      Role.POLICE_STEERING, Role.MUNICIPAL_STEERING);
  /** The CSV file's columns, in this order, with this header row. */
  public static final List<String> CSV_COLUMNS = List.of("kommun-id", "kommun", "lokalpolisområde", "användar-id",
      "förnamn", "efternamn", "e-post", "roll");

  /** A municipality as the listing shows it. */
  public record MunicipalityView(String tenantId, String name, String policeArea, List<PersonView> people,
      List<String> missing) {
  }

  /** A person of a municipality with their roles (by group id) and the other municipalities they work for. */
  public record PersonView(String userId, String firstName, String lastName, String email, List<String> roles,
      List<String> otherMunicipalities) {
  }

  /** What one save did: the changes made, in Swedish, empty when nothing changed. */
  public record Outcome(MunicipalityView municipality, List<String> changes) {
  }

  /** One refused row of a CSV file. */
  public record RefusedRow(long row, String reason) {
  }

  /** What an import did, row by row. */
  public record ImportReport(int rows, int municipalitiesCreated, int usersCreated, int changes, int unchanged,
      List<RefusedRow> refused) {
  }

  private final PeopleDirectory directory;
  private final DirectoryChanges records;

  Onboarding(PeopleDirectory directory, DirectoryChanges records) {
    this.directory = directory;
    this.records = records;
  }

  /**
   * Every municipality the engine knows, also those added before onboarding existed or outside it (the demo's, by
   * Camunda Admin), sorted by name; the police area where onboarding recorded one.
   */
  @Transactional(readOnly = true)
  public List<MunicipalityView> municipalities() {
    Map<String, DirectoryChanges.MunicipalityRow> rows = new LinkedHashMap<>();
    records.municipalities().forEach(r -> rows.put(r.tenantId(), r));
    directory.tenants().forEach((id, name) -> rows.putIfAbsent(id, new DirectoryChanges.MunicipalityRow(id, name,
        null)));
    return rows.values().stream().sorted(java.util.Comparator.comparing(DirectoryChanges.MunicipalityRow::name)
        .thenComparing(DirectoryChanges.MunicipalityRow::tenantId)).map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public java.util.Optional<MunicipalityView> municipality(String tenantId) {
    return records.municipality(tenantId)
        .or(() -> directory.tenantName(tenantId).map(name -> new DirectoryChanges.MunicipalityRow(tenantId, name,
            null)))
        .map(this::view);
  }

  /**
   * Adds or changes a municipality with exactly these people: people not listed leave the municipality (they keep
   * their user and their other municipalities). Refused whole, in Swedish, when anything is wrong.
   */
  @Transactional
  public Outcome save(MunicipalityInput input, String by) {
    FieldChecks checks = new FieldChecks();
    String tenantId = tenantId(checks, "tenantId", input.tenantId());
    String name = checks.requiredText("name", input.name(), "Kommunens namn", NAME_MAX);
    String policeArea = checks.optionalText("policeArea", input.policeArea(), "Lokalpolisområde", NAME_MAX);
    List<Person> people = input.people() == null ? List.of() : input.people();
    if (people.size() > PEOPLE_MAX) {
      checks.fail("people", "Högst " + PEOPLE_MAX + " personer per kommun");
    }
    List<Person> checked = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      String field = "people[" + i + "]";
      Person person = person(checks, field, "Person " + (i + 1) + ": ", p);
      if (person != null) {
        Integer earlier = seen.putIfAbsent(person.userId(), i + 1);
        if (earlier != null) {
          checks.fail(field + ".userId", "Person " + (i + 1) + ": " + person.userId() + " finns redan som person "
              + earlier);
        } else {
          checked.add(person);
        }
      }
    }
    checks.throwIfAny();

    List<String> changes = new ArrayList<>();
    ensureMunicipality(tenantId, name, policeArea, by, changes);
    for (Person person : checked) {
      ensurePerson(tenantId, person, by, changes);
    }
    Set<String> listed = checked.stream().map(Person::userId).collect(Collectors.toSet());
    for (String member : directory.members(tenantId)) {
      if (!listed.contains(member)) {
        directory.removeFromTenant(member, tenantId);
        note(changes, by, tenantId, member, "Tog bort " + member + " från " + name);
      }
    }
    return new Outcome(view(records.municipality(tenantId).orElseThrow()), changes);
  }

  /**
   * Many municipalities from one CSV file, one row per person and role ({@link #CSV_COLUMNS}; comma or semicolon).
   * A refused row is reported with its number and reason and the import goes on; a second run of the same file
   * changes nothing.
   */
  @Transactional
  public ImportReport importCsv(String csv, String by) {
    String text = csv == null ? "" : csv.strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isEmpty()) {
      throw InvalidInputException.of("file", "Filen är tom. Den ska börja med raden: "
          + String.join(";", CSV_COLUMNS));
    }
    String header = text.lines().findFirst().orElse("");
    char delimiter = header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count()
        ? ';' : ',';
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).get();
    List<RefusedRow> refused = new ArrayList<>();
    Map<String, Long> firstRowOf = new HashMap<>();
    int rows = 0;
    int municipalitiesCreated = 0;
    int usersCreated = 0;
    int changes = 0;
    int unchanged = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> columns = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      if (!columns.containsAll(CSV_COLUMNS)) {
        throw InvalidInputException.of("file", "Filens första rad ska vara kolumnnamnen: "
            + String.join(";", CSV_COLUMNS) + " (saknas: " + CSV_COLUMNS.stream().filter(c -> !columns.contains(c))
            .collect(Collectors.joining(", ")) + ")");
      }
      for (CSVRecord record : parser) {
        rows++;
        long row = record.getRecordNumber() + 1;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parser.getHeaderNames().size() && i < record.size(); i++) {
          values.put(parser.getHeaderNames().get(i).toLowerCase(Locale.ROOT), record.get(i));
        }
        if (!record.isConsistent()) {
          refused.add(new RefusedRow(row, "raden har " + record.size() + " kolumner, inte " + columns.size()));
          continue;
        }
        FieldChecks checks = new FieldChecks();
        String tenantId = tenantId(checks, "kommun-id", values.get("kommun-id"));
        String name = checks.requiredText("kommun", values.get("kommun"), "Kommun", NAME_MAX);
        String policeArea = checks.optionalText("lokalpolisområde", values.get("lokalpolisområde"),
            "Lokalpolisområde", NAME_MAX);
        Person person = person(checks, "", "", new Person(values.get("användar-id"), values.get("förnamn"),
            values.get("efternamn"), values.get("e-post"), roles(checks, values.get("roll"))));
        if (person == null || tenantId == null || name == null || checks.hasError("lokalpolisområde")) {
          refused.add(new RefusedRow(row, reasons(checks)));
          continue;
        }
        String key = tenantId + "|" + person.userId() + "|" + values.get("roll").trim().toLowerCase(Locale.ROOT);
        Long earlier = firstRowOf.putIfAbsent(key, row);
        if (earlier != null) {
          refused.add(new RefusedRow(row, "samma kommun, person och roll som rad " + earlier));
          continue;
        }
        boolean newMunicipality = directory.tenantName(tenantId).isEmpty();
        boolean newUser = directory.user(person.userId()).isEmpty();
        List<String> made = new ArrayList<>();
        ensureMunicipality(tenantId, name, policeArea, by, made);
        ensurePerson(tenantId, person, by, made);
        municipalitiesCreated += newMunicipality ? 1 : 0;
        usersCreated += newUser ? 1 : 0;
        changes += made.size();
        unchanged += made.isEmpty() ? 1 : 0;
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw InvalidInputException.of("file", "Filen kunde inte läsas som CSV efter rad " + (rows + 1) + ": "
          + e.getMessage());
    }
    return new ImportReport(rows, municipalitiesCreated, usersCreated, changes, unchanged, refused);
  }

  @Transactional(readOnly = true)
  public List<DirectoryChanges.Change> changes(String tenantId, int limit) {
    return records.latest(tenantId, limit);
  }

  private void ensureMunicipality(String tenantId, String name, String policeArea, String by, List<String> changes) {
    java.util.Optional<String> tenant = directory.tenantName(tenantId);
    var row = records.municipality(tenantId);
    if (tenant.isEmpty()) {
      directory.saveTenant(tenantId, name);
      note(changes, by, tenantId, null, "Lade till kommunen " + name + " (" + tenantId + ")");
    } else if (!tenant.get().equals(name)) {
      directory.saveTenant(tenantId, name);
      note(changes, by, tenantId, null, "Ändrade kommunens namn från " + tenant.get() + " till " + name);
    }
    if (row.isEmpty() || !row.get().name().equals(name) || !Objects.equals(row.get().policeArea(), policeArea)) {
      if (row.isPresent() && !Objects.equals(row.get().policeArea(), policeArea)) {
        note(changes, by, tenantId, null, "Ändrade lokalpolisområde till " + (policeArea == null ? "(inget)"
            : policeArea));
      }
      records.saveMunicipality(new DirectoryChanges.MunicipalityRow(tenantId, name, policeArea), by);
    }
  }

  private void ensurePerson(String tenantId, Person person, String by, List<String> changes) {
    var wanted = new PeopleDirectory.Entry(person.userId(), person.firstName(), person.lastName(), person.email());
    var existing = directory.user(person.userId());
    if (existing.isEmpty()) {
      directory.saveUser(wanted);
      note(changes, by, tenantId, person.userId(), "Lade till " + person.firstName() + " " + person.lastName()
          + " (" + person.userId() + ", " + person.email() + ")");
    } else if (!existing.get().equals(wanted)) {
      directory.saveUser(wanted);
      note(changes, by, tenantId, person.userId(), "Ändrade namn eller e-post för " + person.userId() + " till "
          + person.firstName() + " " + person.lastName() + ", " + person.email());
    }
    Set<Role> has = directory.roles(person.userId());
    for (Role role : person.roles()) {
      if (!has.contains(role)) {
        directory.addRole(person.userId(), role);
        note(changes, by, tenantId, person.userId(), "Gav " + person.userId() + " rollen " + role.swedishName());
      }
    }
    if (!directory.tenants(person.userId()).contains(tenantId)) {
      directory.addToTenant(person.userId(), tenantId);
      note(changes, by, tenantId, person.userId(), "Lade till " + person.userId() + " i kommunen " + tenantId);
    }
  }

  private void note(List<String> changes, String by, String tenantId, String userId, String what) {
    changes.add(what);
    records.record(by, tenantId, userId, what);
  }

  private MunicipalityView view(DirectoryChanges.MunicipalityRow row) {
    List<PersonView> people = new ArrayList<>();
    Set<Role> present = EnumSet.noneOf(Role.class);
    for (String userId : directory.members(row.tenantId())) {
      var entry = directory.user(userId).orElse(new PeopleDirectory.Entry(userId, null, null, null));
      Set<Role> roles = directory.roles(userId);
      present.addAll(roles);
      people.add(new PersonView(userId, entry.firstName(), entry.lastName(), entry.email(),
          roles.stream().sorted().map(Role::groupId).toList(),
          directory.tenants(userId).stream().filter(t -> !t.equals(row.tenantId())).sorted().toList()));
    }
    List<String> missing = NEEDED.stream().filter(r -> !present.contains(r)).map(Role::swedishName).toList();
    return new MunicipalityView(row.tenantId(), row.name(), row.policeArea(), people, missing);
  }

  private static String tenantId(FieldChecks checks, String field, String value) {
    String id = checks.requiredText(field, value, "Kommun-id", 64);
    if (id != null && !TENANT_ID.matcher(id).matches()) {
      checks.fail(field, "Kommun-id '" + id + "' får bara ha små bokstäver a–z, siffror och bindestreck "
          + "(till exempel kungsbacka)");
      return null;
    }
    return id;
  }

  /** A person with their fields checked, or null (with the reasons in {@code checks}). */
  private static Person person(FieldChecks checks, String field, String prefix, Person p) {
    if (p == null) {
      checks.fail(field, prefix + "uppgifter saknas");
      return null;
    }
    String dot = field.isEmpty() ? "" : field + ".";
    String userId = checks.requiredText(dot + "userId", p.userId(), prefix + "Användar-id", 64);
    if (userId != null && !USER_ID.matcher(userId).matches()) {
      checks.fail(dot + "userId", prefix + "Användar-id '" + userId + "' får bara ha små bokstäver a–z, siffror "
          + "och . _ - @");
      userId = null;
    }
    String first = checks.requiredText(dot + "firstName", p.firstName(), prefix + "Förnamn", NAME_MAX);
    String last = checks.requiredText(dot + "lastName", p.lastName(), prefix + "Efternamn", NAME_MAX);
    String email = checks.requiredText(dot + "email", p.email(), prefix + "E-post", EMAIL_MAX);
    if (email != null) {
      try {
        new InternetAddress(email, true).validate();
      } catch (AddressException e) {
        checks.fail(dot + "email", prefix + "E-post '" + email + "' är ingen giltig e-postadress");
        email = null;
      }
    }
    if ((p.roles() == null || p.roles().isEmpty()) && !checks.hasError("roll")) {
      checks.fail(dot + "roles", prefix + "ange minst en roll");
    }
    if (userId == null || first == null || last == null || email == null || p.roles() == null
        || p.roles().isEmpty()) {
      return null;
    }
    return new Person(userId, first, last, email, Set.copyOf(p.roles()));
  }

  /** A role by its group id ("police-coordinator"), as the CSV file names it. */
  private static Set<Role> roles(FieldChecks checks, String value) {
    String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      checks.fail("roll", "roll saknas");
      return Set.of();
    }
    return Arrays.stream(Role.values()).filter(r -> r.groupId().equals(text)).findFirst().map(Set::of)
        .orElseGet(() -> {
          checks.fail("roll", "okänd roll '" + text + "' (giltiga: " + Arrays.stream(Role.values())
              .map(Role::groupId).collect(Collectors.joining(", ")) + ")");
          return Set.of();
        });
  }

  private static String reasons(FieldChecks checks) {
    try {
      checks.throwIfAny();
      return "raden kunde inte läsas";
    } catch (InvalidInputException e) {
      return String.join("; ", e.fieldErrors().values());
    }
  }
}
