package se.tryggsamverkan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.tryggsamverkan.cycle.ProblemList;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * One limit per field: declared in the form ({@code validate.maxLength}), checked by the server with the same number
 * (FormLimits), and no larger than where the text is kept: its column in the project's tables (read from the
 * migrated PostgreSQL schema) and, for a string process variable, the engine's 4,000 characters. Then the action
 * plan, whose rows overflowed their columns with a 500, is filled at every limit and one past it.
 */
@PostgresProcessTest
class FieldLimitsTest {

  /** Where each editable text field of each form is kept: "table.column", or "variable" for a string variable. */
  static final Map<String, List<String>> STORED_IN = Map.ofEntries(
      Map.entry("actionPlan/activities.focusArea", List.of("activity.focus_area")),
      Map.entry("actionPlan/activities.description", List.of("activity.description", "variable",
          "plan_change_row.activity_before")),
      Map.entry("actionPlan/activities.expectedEffect", List.of("activity.expected_effect")),
      Map.entry("actionPlan/activities.responsiblePerson", List.of("activity.responsible_person")),
      Map.entry("actionPlan/activities.indicators", List.of("activity.indicators")),
      Map.entry("planChange/planChangeReason", List.of("plan_change.reason", "variable", "activity.stop_reason")),
      Map.entry("planChange/changedActivities.newPerson", List.of("plan_change_row.new_person",
          "activity.responsible_person")),
      Map.entry("planChange/changedActivities.newIndicators", List.of("plan_change_row.indicators",
          "activity.indicators")),
      Map.entry("planChange/newActivities.focusArea", List.of("plan_change_row.focus_area", "activity.focus_area")),
      Map.entry("planChange/newActivities.description", List.of("plan_change_row.description",
          "activity.description", "plan_change_row.activity_before")),
      Map.entry("planChange/newActivities.expectedEffect", List.of("plan_change_row.expected_effect",
          "activity.expected_effect")),
      Map.entry("planChange/newActivities.responsiblePerson", List.of("plan_change_row.new_person",
          "activity.responsible_person")),
      Map.entry("planChange/newActivities.indicators", List.of("plan_change_row.indicators", "activity.indicators")),
      Map.entry("planChange/newPromises.text", List.of("plan_change_row.description", "citizen_promise.text",
          "promise_occurrence.promise_text", "plan_change_row.activity_before")),
      Map.entry("planChange/newPromises.target", List.of("plan_change_row.promise_target",
          "citizen_promise.target_text")),
      Map.entry("planChange/newTargets.target", List.of("plan_change_row.promise_target",
          "citizen_promise.target_text")),
      Map.entry("planChangeDecision/decisionComment", List.of("plan_change_decision.comment", "variable")),
      Map.entry("actionPlan/promises.text", List.of("citizen_promise.text", "promise_occurrence.promise_text",
          "plan_change_row.activity_before")),
      Map.entry("actionPlan/promises.target", List.of("citizen_promise.target_text")),
      Map.entry("activityFollowUp/statusComment", List.of("activity_report.comment", "variable")),
      Map.entry("activityFollowUp/promiseOccurrences.note", List.of("promise_occurrence.note")),
      Map.entry("agreementEvaluation/evaluation", List.of("variable")),
      Map.entry("agreementStart/municipality", List.of("agreement.municipality", "variable")),
      Map.entry("agreementStart/policeArea", List.of("agreement.police_area", "variable")),
      Map.entry("agreementStart/policeCoordinator", List.of("agreement.police_coordinator", "variable")),
      Map.entry("agreementStart/municipalCoordinator", List.of("agreement.municipal_coordinator", "variable")),
      Map.entry("agreementStart/policeSteeringMember", List.of("agreement.police_steering_member", "variable")),
      Map.entry("agreementStart/municipalSteeringMember",
          List.of("agreement.municipal_steering_member", "variable")),
      Map.entry("agreementStart/councilTime", List.of("agreement.council_time", "variable")),
      Map.entry("agreementStart/councilPlace", List.of("agreement.council_place", "variable")),
      Map.entry("causeAnalysis/causes", List.of("cause_analysis.causes", "variable")),
      Map.entry("causeAnalysis/knowledgeSources", List.of("cause_analysis.knowledge_sources", "variable")),
      Map.entry("halfYearFollowUp/halfYearConclusions", List.of("steering_follow_up.conclusions", "variable")),
      Map.entry("halfYearFollowUp/halfYearPlanChanges", List.of("steering_follow_up.plan_changes", "variable")),
      Map.entry("mergeAndPrioritise/jointSituationPicture", List.of("variable")),
      Map.entry("mergeAndPrioritise/focusAreas.name", List.of("focus_area.name")),
      Map.entry("mergeAndPrioritise/prioritisedProblems.title",
          List.of("prioritised_problem.title", "cause_analysis.problem", "variable")),
      Map.entry("mergeAndPrioritise/prioritisedProblems.focusArea", List.of("prioritised_problem.focus_area")),
      Map.entry("mergeAndPrioritise/prioritisedProblems.description", List.of("prioritised_problem.description")),
      Map.entry("prepareSteeringGroup/steeringMeetingTime", List.of("variable")),
      Map.entry("prepareSteeringGroup/steeringMeetingPlace", List.of("variable")),
      Map.entry("prepareSteeringGroup/preparationSummary", List.of("variable")),
      Map.entry("scheduleFollowUpMeeting/steeringMeetingTime", List.of("variable")),
      Map.entry("scheduleFollowUpMeeting/steeringMeetingPlace", List.of("variable")),
      Map.entry("signAndPublish/publishedAt", List.of("variable")),
      Map.entry("situationPicture/situationPicture", List.of("variable")),
      Map.entry("situationPicture/situationEntries.description", List.of("situation_entry.description")),
      Map.entry("situationPicture/situationEntries.unit", List.of("situation_entry.unit")),
      Map.entry("situationPicture/places.name", List.of("place.name")),
      Map.entry("situationPicture/places.description", List.of("place.description")),
      Map.entry("steeringDecision/decisionComment", List.of("steering_decision.comment", "variable")),
      Map.entry("yearlyFollowUpReport/yearlyReportSummary", List.of("variable")),
      Map.entry("yearlyFollowUpReport/lessonsForNextYear", List.of("cycle_lesson.lessons", "variable")));

  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  @Test
  void everyEditableTextFieldDeclaresItsLimitAndEveryPlaceItIsKeptHoldsIt() throws Exception {
    List<String> declaredInForms = new ArrayList<>();
    for (File form : new File("bpmn").listFiles((dir, name) -> name.endsWith(".form"))) {
      JsonNode root = new ObjectMapper().readTree(form);
      collectTextFields(root.path("id").asText(), root.path("components"), "", declaredInForms);
    }
    assertThat(FormLimits.all().keySet()).as("every editable text field has a maxLength")
        .containsExactlyInAnyOrderElementsOf(declaredInForms);
    assertThat(STORED_IN.keySet()).as("where each field is kept (a new field must be added here)")
        .containsExactlyInAnyOrderElementsOf(declaredInForms);

    List<String> tooSmall = new ArrayList<>();
    for (var field : STORED_IN.entrySet()) {
      int limit = FormLimits.all().get(field.getKey());
      for (String place : field.getValue()) {
        int room = place.equals("variable") ? FormLimits.STRING_VARIABLE : columnSize(place);
        if (room < limit) {
          tooSmall.add(field.getKey() + " (" + limit + ") > " + place + " (" + room + ")");
        }
      }
    }
    System.out.printf("FieldLimitsTest: %d fields in %d places checked%n", STORED_IN.size(),
        STORED_IN.values().stream().mapToInt(List::size).sum());
    assertThat(tooSmall).as("limits larger than where the text is kept").isEmpty();
  }

  /**
   * A new activity in a plan change becomes an activity of the plan: each of its fields has the same limit in both
   * forms, so what the action plan takes a change takes, and the other way round.
   */
  @Test
  void anActivityAddedByAPlanChangeHasTheActionPlansLimits() {
    for (String field : List.of("focusArea", "description", "expectedEffect", "responsiblePerson", "indicators")) {
      assertThat(FormLimits.max("planChange", "newActivities." + field)).as(field)
          .isEqualTo(FormLimits.max("actionPlan", "activities." + field));
    }
    assertThat(FormLimits.max("planChange", "changedActivities.newPerson"))
        .isEqualTo(FormLimits.max("actionPlan", "activities.responsiblePerson"));
    assertThat(FormLimits.max("planChange", "changedActivities.newIndicators"))
        .isEqualTo(FormLimits.max("actionPlan", "activities.indicators"));
    assertThat(FormLimits.max("planChange", "newPromises.text")).isEqualTo(FormLimits.max("actionPlan", "promises.text"));
    assertThat(FormLimits.max("planChange", "newPromises.target"))
        .isEqualTo(FormLimits.max("actionPlan", "promises.target"));
    assertThat(FormLimits.max("planChange", "newTargets.target"))
        .isEqualTo(FormLimits.max("actionPlan", "promises.target"));
  }

  /** Every text of an activity and a promise at its limit is stored exactly; one character more is refused. */
  @Test
  void anActionPlanAtEveryLimitIsStoredExactlyAndOneCharacterMoreIsRefusedWithNothingStored() {
    Clock.setTo("2026-01-02T09:00");
    TestMunicipality kb = TestMunicipality.create(identity, "Kungsbacka");
    CycleDriver driver = new CycleDriver(engine, kb);
    ProcessInstance cycle = driver.cycleAtTheActionPlan("limits-" + kb.tenantId(), 2027, "Buskörning");
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "agreementId");
    String person = kb.user(Role.ACTIVITY_OWNER);
    List<String> textFields = List.of("description", "expectedEffect", "indicators");
    int cases = 0;

    for (String field : textFields) {
      int max = FormLimits.max("actionPlan", "activities." + field);
      Map<String, Object> overLimit = plan(activity(person, field, max + 1), promise("Löfte", null));
      assertThatThrownBy(() -> driver.complete(cycle, TASK_ACTION_PLAN, overLimit)).as(field)
          .hasMessageContaining("för lång (högst " + max + " tecken)");
      cases++;
    }
    int promiseMax = FormLimits.max("actionPlan", "promises.text");
    assertThatThrownBy(() -> driver.complete(cycle, TASK_ACTION_PLAN,
        plan(activity(person, null, 0), promise("L".repeat(promiseMax + 1), null))))
        .hasMessageContaining("för lång (högst " + promiseMax + " tecken)");
    cases++;
    assertThat(jdbc.sql("select count(*) from plan_version where agreement_id = :a").param("a", agreementId)
        .query(Integer.class).single()).as("nothing stored from a refused plan").isZero();

    ObjectNode atLimit = activity(person, null, 0);
    for (String field : textFields) {
      atLimit.put(field, "å".repeat(FormLimits.max("actionPlan", "activities." + field)));
    }
    atLimit.put("focusArea", "Trygghet i trafik");
    driver.complete(cycle, TASK_ACTION_PLAN, plan(atLimit, promise("L".repeat(promiseMax), "minst 1 per år")));
    cases += textFields.size() + 1;

    Map<String, Object> stored = jdbc.sql("select description, expected_effect, indicators from activity "
        + "where agreement_id = :a").param("a", agreementId).query().singleRow();
    assertThat(stored.get("description")).isEqualTo(atLimit.get("description").asText());
    assertThat(stored.get("expected_effect")).isEqualTo(atLimit.get("expectedEffect").asText());
    assertThat(stored.get("indicators")).isEqualTo(atLimit.get("indicators").asText());
    assertThat(jdbc.sql("select text from citizen_promise where agreement_id = :a").param("a", agreementId)
        .query(String.class).single()).hasSize(promiseMax);
    assertThat(PLAN_SUMMARY.of(engine.getRuntimeService().getVariable(cycle.getId(), PLAN_SUMMARY.name())))
        .as("the plan as the steering group reads it, past 4,000 characters")
        .hasSizeGreaterThan(FormLimits.STRING_VARIABLE);
    System.out.printf("FieldLimitsTest: the action plan at %d limits and one past%n", cases);
  }

  /**
   * The largest plan the forms allow goes through: every list at its most rows ({@link FormRows#MAX_ROWS} focus
   * areas, activities and promises; {@link ProblemList#MAX_PROBLEMS} prioritised problems), every text at its limit,
   * in Swedish letters; it is decided and signed, and each of its activities gets its follow-up.
   */
  @Test
  void theLargestPlanTheFormsAllowIsStoredWholeDecidedAndSigned() {
    Clock.setTo("2026-01-02T09:00");
    TestMunicipality kb = TestMunicipality.create(identity, "Kungsbacka");
    CycleDriver driver = new CycleDriver(engine, kb);
    ProcessInstance cycle = driver.cycle(driver.startAgreement("largest-" + kb.tenantId(),
        kb.agreementStart("2027-01-01", "2030-12-31", "POLICE")), 2027);
    driver.runDueTimers(cycle);
    driver.completeSituationPictures(cycle);
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), "agreementId");
    int rows = FormRows.MAX_ROWS;
    ObjectMapper json = new ObjectMapper();

    ArrayNode areas = json.createArrayNode();
    ArrayNode problems = json.createArrayNode();
    List<String> areaNames = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String area = filled("Område " + i + " ", FormLimits.max("mergeAndPrioritise", "focusAreas.name"));
      areaNames.add(area);
      areas.addObject().put("name", area);
      if (i >= ProblemList.MAX_PROBLEMS) {
        continue;
      }
      problems.addObject().put("title", filled("Problem " + i + " ",
              FormLimits.max("mergeAndPrioritise", "prioritisedProblems.title")))
          .put("focusArea", area)
          .put("description", filled("Beskrivning " + i + " ",
              FormLimits.max("mergeAndPrioritise", "prioritisedProblems.description")));
    }
    driver.complete(cycle, TASK_MERGE_AND_PRIORITISE, Map.of(
        JOINT_SITUATION_PICTURE.name(), filled("Lägesbild ", FormLimits.max("mergeAndPrioritise",
            "jointSituationPicture")),
        FOCUS_AREAS.name(), CycleDriver.json(areas.toString()),
        PRIORITISED_PROBLEMS.name(), CycleDriver.json(problems.toString())));
    assertThat(driver.tasks(cycle, TASK_CAUSE_ANALYSIS)).hasSize(ProblemList.MAX_PROBLEMS);
    driver.completeCauseAnalyses(cycle);

    ArrayNode activities = json.createArrayNode();
    ArrayNode promises = json.createArrayNode();
    for (int i = 0; i < rows; i++) {
      ObjectNode a = activities.addObject().put("focusArea", areaNames.get(i))
          .put("responsibleParty", "BOTH").put("responsiblePerson", kb.user(Role.ACTIVITY_OWNER))
          .put("startDate", "2027-01-01").put("endDate", "2027-12-31").put("followUpInterval", "HALF_YEARLY");
      for (String field : List.of("description", "expectedEffect", "indicators")) {
        a.put(field, filled(field + " " + i + " ", FormLimits.max("actionPlan", "activities." + field)));
      }
      promises.addObject().put("text", filled("Löfte " + i + " ", FormLimits.max("actionPlan", "promises.text")))
          .put("party", "BOTH").put("target", "minst 1 per år");
    }
    driver.completePlan(cycle, activities.toString(), promises.toString());
    driver.approveAndSign(cycle);

    List<Map<String, Object>> stored = jdbc.sql("select description, expected_effect, indicators from activity "
        + "where agreement_id = :a order by description").param("a", agreementId).query().listOfRows();
    assertThat(stored).hasSize(rows).allSatisfy(row -> {
      assertThat((String) row.get("description")).hasSize(FormLimits.max("actionPlan", "activities.description"));
      assertThat((String) row.get("expected_effect")).hasSize(FormLimits.max("actionPlan", "activities.expectedEffect"));
      assertThat((String) row.get("indicators")).hasSize(FormLimits.max("actionPlan", "activities.indicators"));
    });
    assertThat(jdbc.sql("select text from citizen_promise where agreement_id = :a").param("a", agreementId)
        .query(String.class).list()).hasSize(rows)
        .allSatisfy(text -> assertThat(text).hasSize(FormLimits.max("actionPlan", "promises.text")));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(cycle.getId())
        .activityId(TIMER_NEXT_FOLLOW_UP).count()).as("every activity waits for its follow-up").isEqualTo(rows);

    // the year's follow-ups: each report at its limit, and the next follow-up shows it in full with the activity
    String comment = filled("Rapport ", FormLimits.max("activityFollowUp", "statusComment"));
    List<String> showingTheWholePreviousReport = new ArrayList<>();
    driver.driveActivityFollowUps(cycle, task -> {
      String previous = PREVIOUS_REPORT.of(engine.getFormService().getTaskFormVariables(task.getId())
          .get(PREVIOUS_REPORT.name()));
      if (previous.endsWith(comment)) {
        showingTheWholePreviousReport.add(task.getId());
      }
      assertThat(ACTIVITY_DETAILS.of(engine.getFormService().getTaskFormVariables(task.getId())
          .get(ACTIVITY_DETAILS.name())))
          .as("the activity as the follow-up shows it").hasSizeGreaterThan(FormLimits.STRING_VARIABLE);
      boolean last = CycleDriver.followUpDay(task).getMonthValue() == 12;
      return Map.of(ACTIVITY_STATUS.name(), last ? "COMPLETED" : "ONGOING", STATUS_COMMENT.name(), comment);
    });
    assertThat(showingTheWholePreviousReport).as("second follow-ups showing the first report whole").hasSize(rows);
    assertThat(jdbc.sql("select count(*) from activity_report r join activity a on a.id = r.activity_id "
        + "where a.agreement_id = :a and length(r.comment) = :n").param("a", agreementId)
        .param("n", comment.length()).query(Integer.class).single()).isEqualTo(2 * rows);
    System.out.printf("FieldLimitsTest: the largest plan: %d focus areas, %d problems, %d activities, %d promises, "
        + "every text at its limit%n", rows, ProblemList.MAX_PROBLEMS, rows, rows);
  }

  /** A text of exactly {@code length} characters that starts with {@code start}, filled up with Swedish letters. */
  private static String filled(String start, int length) {
    return (start + "åäö".repeat(length)).substring(0, length);
  }

  private Map<String, Object> plan(ObjectNode activity, ObjectNode promise) {
    ArrayNode activities = new ObjectMapper().createArrayNode().add(activity);
    ArrayNode promises = new ObjectMapper().createArrayNode().add(promise);
    Map<String, Object> v = new HashMap<>();
    v.put(ACTIVITIES.name(), CycleDriver.json(activities.toString()));
    v.put(PROMISES.name(), CycleDriver.json(promises.toString()));
    return v;
  }

  private static ObjectNode activity(String person, String longField, int length) {
    ObjectNode a = new ObjectMapper().createObjectNode().put("focusArea", "Trygghet i trafik")
        .put("description", "Trafikkontroller").put("expectedEffect", "Färre hastighetsöverträdelser")
        .put("responsibleParty", "POLICE").put("responsiblePerson", person).put("startDate", "2027-01-01")
        .put("endDate", "2027-12-31").put("indicators", "Antal kontroller").put("followUpInterval", "MONTHLY");
    if (longField != null) {
      a.put(longField, "x".repeat(length));
    }
    return a;
  }

  private static ObjectNode promise(String text, String target) {
    return new ObjectMapper().createObjectNode().put("text", text).put("party", "POLICE")
        .put("target", target == null ? "minst 1 per vecka" : target);
  }

  private int columnSize(String tableColumn) {
    String[] parts = tableColumn.split("\\.");
    Integer size = jdbc.sql("select character_maximum_length from information_schema.columns "
            + "where table_name = :t and column_name = :c").param("t", parts[0]).param("c", parts[1])
        .query(Integer.class).optional().orElseThrow(() -> new AssertionError("No column " + tableColumn));
    return size == null ? Integer.MAX_VALUE : size;
  }

  private static void collectTextFields(String formId, JsonNode components, String prefix, List<String> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (type.equals("dynamiclist")) {
        collectTextFields(formId, c.path("components"), prefix + c.path("path").asText() + ".", into);
      } else if ((type.equals("textfield") || type.equals("textarea")) && !c.path("readonly").asBoolean()
          && !c.path("disabled").asBoolean()) {
        into.add(formId + "/" + prefix + c.path("key").asText());
      } else if (c.has("components")) {
        collectTextFields(formId, c.path("components"), prefix, into);
      }
    }
  }
}
