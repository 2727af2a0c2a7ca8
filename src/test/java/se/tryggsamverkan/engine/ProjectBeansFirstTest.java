package se.tryggsamverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import se.tryggsamverkan.agreement.engine.AgreementProcess;
import se.tryggsamverkan.cycle.engine.YearlyCycleProcess;
import se.tryggsamverkan.reminder.engine.ReminderSweepProcess;
import se.tryggsamverkan.support.PostgresProcessTest;

/**
 * The product's beans are found before process variables in the models' expressions (issue 18). That is safe only
 * while no variable and no form field is named like one of them; and a variable named like any other bean still
 * wins, as before.
 */
@PostgresProcessTest
class ProjectBeansFirstTest {

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;

  @Test
  void noProcessVariableOrFormFieldIsNamedLikeOneOfTheProductsBeans() throws Exception {
    Set<String> beans = ProjectBeansFirst.projectBeanNames(context);
    assertThat(beans).as("the models' own beans are among them")
        .contains("activityFollowUps", "mailBatch", "officialFigures", "prepareActivityFollowUpListener");
    Set<String> variables = new HashSet<>();
    for (Class<?> process : new Class<?>[] {YearlyCycleProcess.class, AgreementProcess.class,
        ReminderSweepProcess.class}) {
      for (Field field : process.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
          field.setAccessible(true);
          variables.add(((ProcessVariable<?>) field.get(null)).name());
        }
      }
    }
    try (Stream<Path> forms = Files.list(Path.of("bpmn"))) {
      forms.filter(p -> p.toString().endsWith(".form")).forEach(form -> keys(read(form), variables));
    }
    assertThat(variables).hasSizeGreaterThan(50).doesNotContainAnyElementsOf(beans);
  }

  @Test
  void aVariableNamedLikeAnotherBeanIsStillTheVariable() {
    engine.getRepositoryService().createDeployment().addModelInstance("variable-first.bpmn",
        Bpmn.createExecutableProcess("variableFirst").camundaHistoryTimeToLive(1).startEvent()
            .exclusiveGateway().condition("the variable", "${dataSource == 'the variable'}").userTask("Task_Variable")
            .endEvent().moveToLastGateway().condition("the bean", "${dataSource != 'the variable'}").endEvent()
            .done()).deploy();
    String id = engine.getRuntimeService().startProcessInstanceByKey("variableFirst",
        Map.of("dataSource", "the variable", "tenantId", "variable-first")).getId();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("Task_Variable")
        .count()).isEqualTo(1);
  }

  private static JsonNode read(Path form) {
    try {
      return new ObjectMapper().readTree(form.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void keys(JsonNode node, Set<String> into) {
    if (node.isObject() && node.hasNonNull("key")) {
      into.add(node.get("key").asText());
    }
    node.forEach(child -> keys(child, into));
  }
}
