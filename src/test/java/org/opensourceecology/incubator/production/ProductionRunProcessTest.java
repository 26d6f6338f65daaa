package org.opensourceecology.incubator.production;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.support.ProcessTestEngine;

/** Every path of {@code production-run}, with the module's work mocked. */
@Deployment(resources = "processes/production-run.bpmn")
class ProductionRunProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("openProductionRun", (JavaDelegate) e -> {
            calls.add("open " + ProductionRunProcess.PLANNED_UNITS.get(e) + " " + ProductionRunProcess.CURRENCY.get(e));
            ProductionRunProcess.PRODUCTION_RUN_ID.set(e, 11L);
        });
        Mocks.register("evaluateQualityControl", (JavaDelegate) e -> {
            calls.add("evaluate");
            ProductionRunProcess.QC_PASS_RATE.set(e, 0.75);
        });
        Mocks.register("requestProductionRunCorrection", (JavaDelegate)
                e -> calls.add("correct: " + ProductionRunProcess.CORRECTION_COMMENT.get(e)));
        Mocks.register("markProductionRunVerified", (JavaDelegate) e -> calls.add("verified"));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    ProcessInstance startAndRecord() {
        var variables = Variables.createVariables();
        ProductionRunProcess.APPLICATION_ID.putIn(variables, 42L);
        ProductionRunProcess.TRAINEE_ID.putIn(variables, "trainee");
        ProductionRunProcess.MENTOR_ID.putIn(variables, "mentor");
        ProductionRunProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        var instance = processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(ProductionRunProcess.KEY, "application-42", variables);
        assertThat(instance).isWaitingAt(ProductionRunProcess.USER_PLAN_PRODUCTION_RUN);
        assertThat(task()).isAssignedTo("trainee").hasName("Plan your production run of ceb-press");
        // Tasklist submits whole numbers as Integer and decimals as Double
        complete(task(), Map.of("plannedUnits", 3, "currency", "EUR", "targetPrice", 4500.0));

        assertThat(instance)
                .isWaitingAt(ProductionRunProcess.USER_RECORD_PRODUCTION_RUN)
                .variables()
                .containsEntry("productionRunId", 11L);
        assertThat(task()).isAssignedTo("trainee");
        complete(task(), Map.of("recordingConfirmed", true));
        assertThat(instance).isWaitingAt(ProductionRunProcess.USER_VERIFY_PRODUCTION_RUN);
        assertThat(task())
                .isAssignedTo("mentor")
                .hasName("Verify the production run of trainee for ceb-press")
                .hasDescription("trainee recorded production run 11 of ceb-press. Check the units, their"
                        + " quality-control checklists, costs, prices, sales and documentation, then verify it or"
                        + " ask for a correction.");
        return instance;
    }

    @Test
    void mentorVerifiesTheRun() {
        var instance = startAndRecord();

        complete(task(), Map.of("verificationDecision", ProductionRunProcess.DECISION_VERIFY));

        assertThat(instance)
                .hasPassed(
                        ProductionRunProcess.SERVICE_MARK_RUN_VERIFIED,
                        ProductionRunProcess.END_PRODUCTION_RUN_VERIFIED)
                .isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).containsExactly("open 3 EUR", "evaluate", "verified");
    }

    @Test
    void mentorAsksForACorrectionAndTheTraineeRecordsAgain() {
        var instance = startAndRecord();

        complete(
                task(),
                Map.of(
                        "verificationDecision",
                        ProductionRunProcess.DECISION_CORRECT,
                        "correctionComment",
                        "Unit CEB-002 has no pressure test measurement."));

        assertThat(instance)
                .hasPassed(ProductionRunProcess.SERVICE_REQUEST_CORRECTION)
                .isWaitingAt(ProductionRunProcess.USER_RECORD_PRODUCTION_RUN)
                .variables()
                .containsEntry("correctionComment", "Unit CEB-002 has no pressure test measurement.");
        complete(task(), Map.of("recordingConfirmed", true));
        complete(task(), Map.of("verificationDecision", ProductionRunProcess.DECISION_VERIFY));

        assertThat(instance)
                .hasPassed(ProductionRunProcess.END_PRODUCTION_RUN_VERIFIED)
                .isEnded();
        org.assertj.core.api.Assertions.assertThat(calls)
                .containsExactly(
                        "open 3 EUR",
                        "evaluate",
                        "correct: Unit CEB-002 has no pressure test measurement.",
                        "evaluate",
                        "verified");
    }
}
