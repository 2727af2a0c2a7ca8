package se.tryggsamverkan.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two versions of an action plan, in Swedish, for the steering group deciding again on a
 * plan it returned. Activities are matched by description, promises by text.
 */
public final class PlanChanges {

  private PlanChanges() {
  }

  public static List<String> between(ActionPlan earlier, ActionPlan later) {
    List<String> changes = new ArrayList<>();
    for (Activity now : later.activities()) {
      Activity before = find(earlier.activities(), now.description());
      if (before == null) {
        changes.add("Ny aktivitet: " + now.description());
      } else if (!before.equals(now)) {
        changes.add("Ändrad aktivitet: " + now.description() + " (" + String.join(", ", fieldsChanged(before, now))
            + ")");
      }
    }
    for (Activity before : earlier.activities()) {
      if (find(later.activities(), before.description()) == null) {
        changes.add("Borttagen aktivitet: " + before.description());
      }
    }
    for (CitizenPromise now : later.promises()) {
      CitizenPromise before = earlier.promises().stream().filter(p -> p.text().equals(now.text())).findFirst()
          .orElse(null);
      if (before == null) {
        changes.add("Nytt löfte: " + now.text());
      } else if (!before.equals(now)) {
        changes.add("Ändrat löfte: " + now.text());
      }
    }
    for (CitizenPromise before : earlier.promises()) {
      if (later.promises().stream().noneMatch(p -> p.text().equals(before.text()))) {
        changes.add("Borttaget löfte: " + before.text());
      }
    }
    return changes;
  }

  /** The changes as text; "Inga ändringar" when the plan was resubmitted unchanged. */
  public static String describe(int fromVersion, int toVersion, List<String> changes) {
    String heading = "Ändringar från version " + fromVersion + " till version " + toVersion + ":";
    return changes.isEmpty() ? heading + "\n- Inga ändringar" : heading + "\n- " + String.join("\n- ", changes);
  }

  private static Activity find(List<Activity> activities, String description) {
    return activities.stream().filter(a -> a.description().equals(description)).findFirst().orElse(null);
  }

  private static List<String> fieldsChanged(Activity a, Activity b) {
    List<String> fields = new ArrayList<>();
    add(fields, a.focusArea(), b.focusArea(), "fokusområde");
    add(fields, a.expectedEffect(), b.expectedEffect(), "förväntad effekt");
    add(fields, a.responsibleParty(), b.responsibleParty(), "ansvarig part");
    add(fields, a.responsiblePerson(), b.responsiblePerson(), "ansvarig person");
    add(fields, a.start(), b.start(), "startdatum " + b.start());
    add(fields, a.end(), b.end(), "slutdatum " + b.end());
    add(fields, a.indicators(), b.indicators(), "indikatorer");
    add(fields, a.followUpInterval(), b.followUpInterval(), "uppföljningsintervall");
    return fields;
  }

  private static void add(List<String> fields, Object before, Object after, String name) {
    if (!Objects.equals(before, after)) {
      fields.add(name);
    }
  }
}
