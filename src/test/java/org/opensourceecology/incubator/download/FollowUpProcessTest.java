package org.opensourceecology.incubator.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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

/** Every path of {@code operations-manual-follow-up}; timers are driven by executing their jobs. */
@Deployment(resources = "processes/operations-manual-follow-up.bpmn")
class FollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final String HASH = "a".repeat(64);

    /** Stands in for the followUpTimers bean. */
    public static class Timers {
        public String followUpDelay() {
            return "P14D";
        }

        public String finalTimeout() {
            return "P30D";
        }
    }

    ProcessEngine processEngine;
    final List<String> mails = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("followUpTimers", new Timers());
        Mocks.register("sendManualLink", (JavaDelegate) e -> mails.add("manual:" + FollowUpProcess.DOWNLOAD_ID.get(e)));
        Mocks.register("sendFollowUpInvitation", (JavaDelegate)
                e -> mails.add("invitation:" + FollowUpProcess.DOWNLOAD_ID.get(e)));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    ProcessInstance download(long id) {
        var variables = Variables.createVariables();
        FollowUpProcess.DOWNLOAD_ID.putIn(variables, id);
        FollowUpProcess.EMAIL_HASH.putIn(variables, HASH);
        return processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(FollowUpProcess.KEY, String.valueOf(id), variables);
    }

    void correlate(String message, String businessKey) {
        var correlation = processEngine.getRuntimeService().createMessageCorrelation(message);
        if (businessKey != null) {
            correlation.processInstanceBusinessKey(businessKey);
        } else {
            correlation.processInstanceVariableEquals(FollowUpProcess.EMAIL_HASH.name(), HASH);
        }
        correlation.correlateAll();
    }

    @Test
    void withoutAnswerTheFollowUpEndsAfterTheFinalTimeout() {
        var instance = download(11);
        assertThat(instance).isWaitingAt(FollowUpProcess.SERVICE_SEND_MANUAL_LINK);
        execute(job(instance));
        assertThat(instance).isWaitingAt(FollowUpProcess.TIMER_FOLLOW_UP);
        assertThat(job(instance).getDuedate()).isAfter(Date.from(Instant.now().plusSeconds(13 * 24 * 3600)));

        execute(job(instance));
        assertThat(instance).isWaitingAt(FollowUpProcess.SERVICE_SEND_FOLLOW_UP_INVITATION);
        execute(job(instance));
        assertThat(instance).isWaitingAt(FollowUpProcess.TIMER_FINAL_TIMEOUT);
        assertThat(job(instance).getDuedate()).isAfter(Date.from(Instant.now().plusSeconds(29 * 24 * 3600)));
        execute(job(instance));

        assertThat(instance).hasPassed(FollowUpProcess.END_NO_RESPONSE).isEnded();
        assertThat(mails).containsExactly("manual:11", "invitation:11");
    }

    @Test
    void applyingForTrainingEndsTheFollowUp() {
        var instance = download(12);
        execute(job(instance));
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).isWaitingAt(FollowUpProcess.TIMER_FINAL_TIMEOUT);

        correlate(FollowUpProcess.MESSAGE_TRAINING_APPLIED, null);

        assertThat(instance)
                .hasPassed(FollowUpProcess.END_APPLIED)
                .hasNotPassed(FollowUpProcess.END_NO_RESPONSE)
                .isEnded();
    }

    @Test
    void unsubscribingEndsTheFollowUpBeforeTheInvitation() {
        var instance = download(13);
        execute(job(instance));
        assertThat(instance).isWaitingAt(FollowUpProcess.TIMER_FOLLOW_UP);

        correlate(FollowUpProcess.MESSAGE_UNSUBSCRIBED, "13");

        assertThat(instance)
                .hasPassed(FollowUpProcess.END_UNSUBSCRIBED)
                .hasNotPassed(FollowUpProcess.SERVICE_SEND_FOLLOW_UP_INVITATION)
                .isEnded();
        assertThat(mails).containsExactly("manual:13");
    }
}
