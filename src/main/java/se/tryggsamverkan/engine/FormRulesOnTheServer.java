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
 * Every user task, on complete and before its own listeners: the submit must keep the rules of the task's Camunda
 * Form (required fields, dates, numbers, length), whoever sends it: Tasklist, the REST API or a script.
 * Added to every user task when the BPMN is parsed, so that no model can forget it.
 */
final class FormRulesOnTheServer extends AbstractBpmnParseListener implements TaskListener {

  private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    // a built-in listener runs before the model's own listeners, which may rely on the form's rules
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    forms.computeIfAbsent(userTask.getCamundaFormRef(), FormRulesOnTheServer::load).check(task::getVariable);
  }

  private static FormSchema load(String formRef) {
    try (InputStream form = FormRulesOnTheServer.class.getClassLoader().getResourceAsStream("bpmn/" + formRef
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
