package se.tryggsamverkan.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import se.tryggsamverkan.common.FormSchema;

/**
 * Every user task, on complete and after its own listeners: the submit must keep the rules of the task's Camunda
 * Form (required fields, dates, numbers, length), whoever sends it: Tasklist, the REST API or a script. The task's
 * own listener checks first, naming rows and rules the form cannot express; this catches what is left, in the same
 * transaction. Added to every user task when the BPMN is parsed, so that no model can forget it.
 */
final class FormRulesListener extends AbstractBpmnParseListener implements TaskListener {

  private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    // after the model's own listeners, which were added while the element was parsed
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    forms.computeIfAbsent(userTask.getCamundaFormRef(), FormRulesListener::load).check(task::getVariable);
  }

  private static FormSchema load(String formRef) {
    try (InputStream form = FormRulesListener.class.getClassLoader().getResourceAsStream("bpmn/" + formRef
        + ".form")) {
      if (form == null) {
        throw new IllegalStateException("The form " + formRef + " is not on the classpath under bpmn/");
      }
      return FormSchema.read(form);
    } catch (IOException e) {
      throw new IllegalStateException("Could not read the form " + formRef, e);
    }
  }
}
