package se.tryggsamverkan.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.reminder.engine.ReminderSweepProcess;

/** Every file in bpmn/ is a product artefact: these are the rules it must keep. */
class BpmnModelTest {

  private static final Path BPMN_DIR = Path.of("bpmn");
  private static final Pattern READABLE_ID =
      Pattern.compile("^(StartEvent|EndEvent|Timer|Task|Gateway|CallActivity|SubProcess|Flow|Event)_[A-Z][A-Za-z0-9]+$");
  private static final Pattern MODELER_DEFAULT_ID = Pattern.compile("_[0-9a-z]{7}$");
  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z]+(Delegate|Listener)}$");
  private static final Set<String> ROLE_GROUPS = new HashSet<>(
      Arrays.stream(Role.values()).map(Role::groupId).toList());
  /**
   * Who decides a plan change depends on the change and the agreement (issue 15): the decision tasks name their
   * role group through this expression, which answers with one of the role groups.
   */
  private static final Pattern DECIDERS_EXPRESSION =
      Pattern.compile("^\\$\\{planChangeSteps\\.(police|municipal)Deciders\\(execution\\)}$");
  /**
   * Standing tasks, open all year for the coordinators to use when something happens: no deadline, so nothing to
   * remind of or to mark overdue.
   */
  private static final Set<String> WITHOUT_DUE_DATE = Set.of("Task_ProposePlanChange");
  private final ObjectMapper json = new ObjectMapper();

  static Stream<Path> bpmnFiles() throws IOException {
    return Files.list(BPMN_DIR).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @TestFactory
  Stream<DynamicTest> everyProcessKeepsTheModelRules() throws IOException {
    return bpmnFiles().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private void check(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as("one executable process per file").hasSize(1);
    Process process = processes.iterator().next();
    assertThat(process.isExecutable()).isTrue();
    assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
    assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive").isNotBlank();
    assertThat(process.getName()).as("a Swedish name").isNotBlank();

    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));

    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertReadableId(node);
      if (!(node instanceof ParallelGateway)) {
        assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
      }
      assertThat(shapes).as("diagram shape for %s", node.getId()).contains(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertReadableId(flow);
      assertThat(edges).as("diagram edge for %s", flow.getId()).contains(flow.getId());
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroupsList()).as("candidate groups of %s", task.getId())
          .isNotEmpty().allMatch(g -> ROLE_GROUPS.contains(g) || DECIDERS_EXPRESSION.matcher(g).matches());
      if (WITHOUT_DUE_DATE.contains(task.getId())) {
        assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNull();
      } else {
        assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
      }
      assertFormExists(task.getId(), task.getCamundaFormRef());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertFormExists(start.getId(), start.getCamundaFormRef());
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaClass()).as("%s must not name a class", task.getId()).isNull();
      assertThat(task.getCamundaExpression()).as("%s must not use an expression", task.getId()).isNull();
      assertThat(task.getCamundaDelegateExpression()).as("delegate expression of %s", task.getId())
          .matches(DELEGATE_EXPRESSION);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      assertThat(listener.getCamundaDelegateExpression()).matches(DELEGATE_EXPRESSION);
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      assertThat(listener.getCamundaDelegateExpression()).matches(DELEGATE_EXPRESSION);
    }
  }

  private static void assertReadableId(BaseElement element) {
    assertThat(element.getId()).as("readable id").matches(READABLE_ID).doesNotContainPattern(MODELER_DEFAULT_ID);
  }

  private void assertFormExists(String elementId, String formRef) throws IOException {
    assertThat(formRef).as("form of %s", elementId).isNotBlank();
    File form = BPMN_DIR.resolve(formRef + ".form").toFile();
    assertThat(form).as("form file for %s", elementId).exists();
    assertThat(json.readTree(form).path("id").asText()).as("form id in %s", form).isEqualTo(formRef);
  }

  @Test
  void everyFormIsUsedAndExplainsItselfInSwedishWithRequiredFieldsAndListsThatNeverCollapse() throws IOException {
    Set<String> used = new HashSet<>();
    for (Path file : bpmnFiles().toList()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(UserTask.class).forEach(t -> used.add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).forEach(s -> used.add(s.getCamundaFormRef()));
    }
    List<Path> forms;
    try (Stream<Path> files = Files.list(BPMN_DIR)) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).isNotEmpty();
    for (Path form : forms) {
      JsonNode root = json.readTree(form.toFile());
      assertThat(used).as("%s is used by a task", form).contains(root.path("id").asText());
      List<JsonNode> fields = new ArrayList<>();
      collectFields(root.path("components"), fields);
      assertThat(fields).as("%s has input fields", form).isNotEmpty();
      assertThat(fields).allSatisfy(f -> assertThat(f.path("label").asText(f.path("dateLabel").asText()))
          .as("label of %s in %s", f.path("key").asText(), form).isNotBlank());
      assertThat(fields).as("%s has a required field", form)
          .anyMatch(f -> f.path("validate").path("required").asBoolean());
      assertThat(root.path("components").findValues("text")).as("%s has help text", form).isNotEmpty();
      List<String> ids = root.path("components").findValues("id").stream().map(JsonNode::asText).toList();
      assertThat(ids).as("component ids in %s (Tasklist refuses a form with duplicates)", form)
          .doesNotHaveDuplicates();
      // form-js renders only the first rows of a collapsed list and submits only what it renders: a returned
      // plan of eight activities came back with five (issue 12)
      List<JsonNode> lists = new ArrayList<>();
      collectLists(root.path("components"), lists);
      assertThat(lists).as("lists in %s", form).allSatisfy(list -> assertThat(list.path("disableCollapse").asBoolean())
          .as("%s in %s never collapses", list.path("path").asText(), form).isTrue());
    }
  }

  private static void collectLists(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      if ("dynamiclist".equals(c.path("type").asText())) {
        into.add(c);
      }
      collectLists(c.path("components"), into);
    }
  }

  private static void collectFields(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      if (c.has("key")) {
        into.add(c);
      }
      collectFields(c.path("components"), into);
    }
  }

  @Test
  void theElementIdsTheCodeNamesExistInTheModels() throws Exception {
    for (Class<?> constants : List.of(YearlyCycleProcess.class, AgreementProcess.class, ReminderSweepProcess.class)) {
      String key = (String) constants.getField("KEY").get(null);
      BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_DIR.resolve(key + ".bpmn").toFile());
      for (Field field : constants.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
            && !field.getName().equals("KEY")) {
          String id = (String) field.get(null);
          assertThat((Object) model.getModelElementById(id)).as("%s.%s = %s", constants.getSimpleName(),
              field.getName(), id).isNotNull();
        }
      }
    }
  }
}
