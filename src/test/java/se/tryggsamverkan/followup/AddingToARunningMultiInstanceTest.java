package se.tryggsamverkan.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.tryggsamverkan.support.PostgresProcessTest;

/**
 * What Camunda 7 does when an inner instance is added to a running parallel multi-instance sub-process by process
 * instance modification ({@code startBeforeActivity(inner, multiInstanceBodyInstanceId)}) from inside a delegate of
 * the same process instance, i.e. inside the engine's own command. {@code RunningYearFollowsPlan.add} does it from
 * outside the engine; this probe, on a throwaway process deployed for the test, records what happens inside.
 */
@PostgresProcessTest
class AddingToARunningMultiInstanceTest {

  static final String KEY = "probeAddToMultiInstance";

  @Autowired ProcessEngine engine;
  String deploymentId;

  /** Adds inner instance "added" to the running multi-instance of its own process instance. */
  public static class AddInside implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      ActivityInstance body = runtime.getActivityInstance(execution.getProcessInstanceId())
          .getActivityInstances("SubProcess_Probe#multiInstanceBody")[0];
      runtime.createProcessInstanceModification(execution.getProcessInstanceId())
          .startBeforeActivity("SubProcess_Probe", body.getId())
          .setVariableLocal("item", "added")
          .execute();
    }
  }

  @BeforeEach
  void deploy() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe")
        .parallelGateway("Gateway_Split")
        .subProcess("SubProcess_Probe")
          .embeddedSubProcess().startEvent("StartEvent_Inner").userTask("Task_Wait").endEvent("EndEvent_Inner")
          .subProcessDone()
          .multiInstance().parallel().camundaCollection("${items}").camundaElementVariable("item")
          .multiInstanceDone()
        .parallelGateway("Gateway_Join")
        .endEvent("EndEvent_Probe")
        .moveToNode("Gateway_Split")
        .userTask("Task_Trigger")
        .serviceTask("Task_AddInside").camundaClass(AddInside.class.getName())
        .connectTo("Gateway_Join")
        .done();
    deploymentId = engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model)
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  @Test
  void fromInsideADelegateOfTheSameInstance() {
    var runtime = engine.getRuntimeService();
    var tasks = engine.getTaskService();
    ProcessInstance probe = runtime.startProcessInstanceByKey(KEY, Map.of("items", List.of("a", "b"), "tenantId", "probe"));
    assertThat(tasks.createTaskQuery().processInstanceId(probe.getId()).taskDefinitionKey("Task_Wait").count())
        .isEqualTo(2);

    tasks.complete(tasks.createTaskQuery().processInstanceId(probe.getId()).taskDefinitionKey("Task_Trigger")
        .singleResult().getId());

    var waiting = tasks.createTaskQuery().processInstanceId(probe.getId()).taskDefinitionKey("Task_Wait").list();
    assertThat(waiting).hasSize(3);
    assertThat(waiting).extracting(t -> runtime.getVariable(t.getExecutionId(), "item"))
        .containsExactlyInAnyOrder("a", "b", "added");
    for (var task : waiting) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(probe.getId()).count())
          .as("the multi-instance waits for every instance, the added one too").isOne();
      tasks.complete(task.getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(probe.getId()).count())
        .as("and completes after the last").isZero();
  }
}
