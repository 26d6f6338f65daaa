package org.opensourceecology.incubator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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

/** Every path of {@code enterprise-specification}, with the delegates recording what they were asked. */
@Deployment(resources = "processes/enterprise-specification.bpmn")
class EnterpriseSpecificationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        for (String delegate : List.of("publishSpecification", "sendBackSpecification", "resubmitSpecification")) {
            Mocks.register(delegate, (JavaDelegate) execution ->
                    calls.add(delegate + ":" + EnterpriseSpecificationProcess.SPECIFICATION_ID.get(execution)));
        }
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    ProcessInstance submit() {
        var variables = Variables.createVariables();
        EnterpriseSpecificationProcess.SPECIFICATION_ID.putIn(variables, 7L);
        EnterpriseSpecificationProcess.SLUG.putIn(variables, "solar-concentrator");
        EnterpriseSpecificationProcess.SPECIFICATION_NAME.putIn(variables, "Solar Concentrator");
        EnterpriseSpecificationProcess.SUBMITTED_BY.putIn(variables, "trainee");
        return processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(EnterpriseSpecificationProcess.KEY, "solar-concentrator", variables);
    }

    static Map<String, Object> review(String decision, boolean allChecked, String comments) {
        return Map.of(
                "openSourceChecked",
                true,
                "businessModelChecked",
                allChecked,
                "dogfoodingChecked",
                true,
                "licencesChecked",
                true,
                "decision",
                decision,
                "reviewComments",
                comments);
    }

    @Test
    void approvedSpecificationIsPublished() {
        var instance = submit();

        assertThat(instance)
                .hasBusinessKey("solar-concentrator")
                .isWaitingAt(EnterpriseSpecificationProcess.USER_REVIEW_SPECIFICATION);
        assertThat(task(instance))
                .hasCandidateGroup("certifiers")
                .hasName("Review the specification of Solar Concentrator against the DE criteria");
        org.assertj.core.api.Assertions.assertThat(task(instance).getDescription())
                .startsWith(
                        "The enterprise specification of Solar Concentrator (solar-concentrator) waits for review.");
        complete(task(instance), review(EnterpriseSpecificationProcess.APPROVE, true, ""));

        assertThat(instance).isWaitingAt(EnterpriseSpecificationProcess.SERVICE_PUBLISH_SPECIFICATION);
        execute(job(instance));

        assertThat(instance)
                .hasPassed(EnterpriseSpecificationProcess.END_PUBLISHED)
                .isEnded();
        assertThat(calls).containsExactly("publishSpecification:7");
    }

    @Test
    void approvalWithAnUncheckedCriterionSendsItBackAndAResubmissionIsReviewedAgain() {
        var instance = submit();
        complete(task(instance), review(EnterpriseSpecificationProcess.APPROVE, false, "Publish the costing."));

        assertThat(instance).isWaitingAt(EnterpriseSpecificationProcess.SERVICE_SEND_BACK_SPECIFICATION);
        execute(job(instance));
        assertThat(instance).isWaitingAt(EnterpriseSpecificationProcess.USER_REVISE_SPECIFICATION);
        assertThat(task(instance)).isAssignedTo("trainee").hasName("Revise your specification of Solar Concentrator");

        complete(
                task(instance),
                Map.of("revisionDecision", EnterpriseSpecificationProcess.RESUBMIT, "revisionNote", "Done."));

        assertThat(instance)
                .hasPassed(
                        EnterpriseSpecificationProcess.SERVICE_RESUBMIT_SPECIFICATION,
                        EnterpriseSpecificationProcess.GATEWAY_JOIN_REVIEW)
                .isWaitingAt(EnterpriseSpecificationProcess.USER_REVIEW_SPECIFICATION);
        complete(task(instance), review(EnterpriseSpecificationProcess.APPROVE, true, ""));
        execute(job(instance));

        assertThat(instance)
                .hasPassed(EnterpriseSpecificationProcess.END_PUBLISHED)
                .isEnded();
        assertThat(calls)
                .containsExactly("sendBackSpecification:7", "resubmitSpecification:7", "publishSpecification:7");
    }

    @Test
    void sentBackSpecificationCanBeWithdrawn() {
        var instance = submit();
        complete(task(instance), review(EnterpriseSpecificationProcess.SEND_BACK, true, "Not dogfooded yet."));
        execute(job(instance));

        complete(task(instance), Map.of("revisionDecision", EnterpriseSpecificationProcess.WITHDRAW));

        assertThat(instance)
                .hasPassed(EnterpriseSpecificationProcess.END_WITHDRAWN)
                .hasNotPassed(EnterpriseSpecificationProcess.SERVICE_RESUBMIT_SPECIFICATION)
                .isEnded();
        assertThat(calls).containsExactly("sendBackSpecification:7");
    }
}
