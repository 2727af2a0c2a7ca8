package se.tryggsamverkan.followup;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.AGREEMENT_ID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * A new municipality whose plan for 2027 ({@link ActivityFollowUpProcessTest#signedThreeActivityPlan}) is signed,
 * with the engine's clock on 1 February 2027 and the follow-ups due by then started: where the plan-change tests
 * begin.
 */
record SignedYear(TestMunicipality municipality, CycleDriver driver, ProcessInstance cycle, String agreementId) {

  static SignedYear inFebruary2027(ProcessEngine engine, IdentityService identity, String name, String key) {
    init(engine);
    Clock.setTo("2026-01-02T09:00");
    TestMunicipality municipality = TestMunicipality.create(identity, name);
    CycleDriver driver = new CycleDriver(engine, municipality);
    ProcessInstance cycle = ActivityFollowUpProcessTest.signedThreeActivityPlan(driver, municipality, key);
    String agreementId = (String) engine.getRuntimeService().getVariable(cycle.getId(), AGREEMENT_ID.name());
    Clock.setTo("2027-02-01T08:00");
    driver.runDueTimers(cycle);
    return new SignedYear(municipality, driver, cycle, agreementId);
  }
}
