package se.tryggsamverkan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;
import se.tryggsamverkan.upgrade.engine.ActivityRename;

/**
 * The rules of ADR 13 that keep a running agreement or cycle movable to the next release's model, checked against
 * the previous released model (the newest folder under {@code src/test/resources/released/}): every place an
 * instance can wait in keeps its id, type, enclosing scope and multi-instance character, or is declared in
 * {@link ActivityRename#RELEASED}; a local variable a release adds to an existing scope has no value, so that the
 * upgrade can create it for instances already inside. Whether the engine accepts the migration is proven on a real
 * database by {@code ProcessUpgradeTest}.
 */
class ModelUpgradeRulesTest {

  static final Path RELEASED = Path.of("src/test/resources/released");
  static final List<String> MIGRATED = List.of(AgreementProcess.KEY, YearlyCycleProcess.KEY);

  static Path previousRelease() throws IOException {
    try (Stream<Path> releases = Files.list(RELEASED)) {
      return releases.filter(Files::isDirectory).max(Path::compareTo).orElseThrow();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPlaceAnInstanceCanWaitInIsInTheNewModelOrRenamed() throws IOException {
    Path previous = previousRelease();
    return MIGRATED.stream().map(key -> DynamicTest.dynamicTest(key, () -> {
      BpmnModelInstance before = Bpmn.readModelFromFile(previous.resolve(key + ".bpmn").toFile());
      BpmnModelInstance now = Bpmn.readModelFromFile(Path.of("bpmn", key + ".bpmn").toFile());
      assertThat(breaks(key, before, now)).as("what an upgrade from " + previous.getFileName() + " could not move")
          .isEmpty();
    }));
  }

  @Test
  void theRulesFindARenamedTaskAMovedTimerAndAMultiInstanceMadeSingle() throws IOException {
    Path previous = previousRelease().resolve(YearlyCycleProcess.KEY + ".bpmn");
    BpmnModelInstance before = Bpmn.readModelFromFile(previous.toFile());
    String xml = Files.readString(Path.of("bpmn", YearlyCycleProcess.KEY + ".bpmn"));

    BpmnModelInstance renamed = parse(xml.replace("\"Task_ActionPlan\"", "\"Task_DraftActionPlan\"")
        .replace(">Task_ActionPlan<", ">Task_DraftActionPlan<"));
    assertThat(breaks(YearlyCycleProcess.KEY, before, renamed))
        .containsExactly("Task_ActionPlan (userTask) is not in the new model and no rename declares where it went");
    assertThat(breaks(YearlyCycleProcess.KEY, before, renamed, List.of(new ActivityRename(YearlyCycleProcess.KEY,
        "Task_ActionPlan", "Task_DraftActionPlan")))).isEmpty();

    BpmnModelInstance single = parse(xml.replaceFirst(
        "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\"\\$\\{problemTitles[^/]*/>", ""));
    assertThat(breaks(YearlyCycleProcess.KEY, before, single))
        .containsExactly("Task_CauseAnalysis: multi-instance before, single now (or the other way)");

    BpmnModelInstance valued = parse(xml.replace("<camunda:inputParameter name=\"followUpOn\" />",
        "<camunda:inputParameter name=\"followUpOn\" /><camunda:inputParameter name=\"newOne\">${1}"
            + "</camunda:inputParameter>"));
    assertThat(breaks(YearlyCycleProcess.KEY, before, valued)).containsExactly(
        "SubProcess_ActivityFollowUp: new local variable newOne has a value; an instance already inside gets null");
  }

  static List<String> breaks(String key, BpmnModelInstance before, BpmnModelInstance now) {
    return breaks(key, before, now, ActivityRename.RELEASED);
  }

  /** What keeps an instance of {@code before} from moving to {@code now}, in words; empty when nothing does. */
  static List<String> breaks(String key, BpmnModelInstance before, BpmnModelInstance now,
      List<ActivityRename> renames) {
    Map<String, String> renamed = renames.stream().filter(r -> r.processKey().equals(key))
        .collect(Collectors.toMap(ActivityRename::from, ActivityRename::to));
    List<String> breaks = new ArrayList<>();
    for (FlowNode waitState : waitStates(before)) {
      String id = renamed.getOrDefault(waitState.getId(), waitState.getId());
      BaseElement counterpart = now.getModelElementById(id);
      String type = waitState.getElementType().getTypeName();
      if (!(counterpart instanceof FlowNode node)) {
        breaks.add(waitState.getId() + " (" + type + ") is not in the new model and no rename declares where it went");
        continue;
      }
      if (!node.getElementType().getTypeName().equals(type)) {
        breaks.add(waitState.getId() + ": " + type + " before, " + node.getElementType().getTypeName() + " now");
      }
      String scopeBefore = scope(waitState);
      String scopeNow = scope(node);
      if (!renamed.getOrDefault(scopeBefore, scopeBefore).equals(scopeNow)) {
        breaks.add(waitState.getId() + ": inside " + scopeBefore + " before, inside " + scopeNow + " now");
      }
      if (multiInstance(waitState) != multiInstance(node)) {
        breaks.add(waitState.getId() + ": multi-instance before, single now (or the other way)");
      }
    }
    Map<String, Set<String>> inputsBefore = inputs(before, p -> true);
    inputs(now, p -> !empty(p)).forEach((scope, names) -> {
      if (before.getModelElementById(scope) != null) {
        names.stream().filter(n -> !inputsBefore.getOrDefault(scope, Set.of()).contains(n)).sorted()
            .forEach(n -> breaks.add(scope + ": new local variable " + n
                + " has a value; an instance already inside gets null"));
      }
    });
    return breaks;
  }

  /** Every element an instance can wait in or be inside of while it waits. */
  static List<FlowNode> waitStates(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowNode.class).stream()
        .filter(n -> n instanceof UserTask || n instanceof ReceiveTask || n instanceof IntermediateCatchEvent
            || n instanceof BoundaryEvent || n instanceof CallActivity || n instanceof SubProcess
            || n instanceof StartEvent s && s.getParentElement() instanceof SubProcess p && p.triggeredByEvent()
            || multiInstance(n))
        .toList();
  }

  private static String scope(FlowNode node) {
    return node.getParentElement() instanceof BaseElement parent ? parent.getId() : null;
  }

  private static boolean multiInstance(FlowNode node) {
    return node instanceof Activity activity && activity.getLoopCharacteristics() != null;
  }

  private static Map<String, Set<String>> inputs(BpmnModelInstance model,
      Predicate<CamundaInputParameter> which) {
    return model.getModelElementsByType(CamundaInputOutput.class).stream()
        .flatMap(io -> io.getCamundaInputParameters().stream().filter(which)
            .map(p -> Map.entry(((BaseElement) io.getParentElement().getParentElement()).getId(),
                p.getCamundaName())))
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
            Collectors.toSet())));
  }

  private static boolean empty(CamundaInputParameter parameter) {
    return Optional.ofNullable(parameter.getTextContent()).map(String::isBlank).orElse(true)
        && parameter.getDomElement().getChildElements().isEmpty();
  }

  private static BpmnModelInstance parse(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
