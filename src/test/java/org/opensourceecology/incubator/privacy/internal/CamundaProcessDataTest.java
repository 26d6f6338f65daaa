package org.opensourceecology.incubator.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.privacy.Subject;
import org.opensourceecology.incubator.support.ProcessTestEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Camunda part of erasure on H2 (PrivacyIT runs it on PostgreSQL): the person's own instances
 * leave runtime and history, and where they worked on someone else's instance their user id is
 * replaced by the pseudonym in the history columns Camunda has no API for.
 */
class CamundaProcessDataTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(
                    ProcessTestEngine.CONFIGURATION)
            .build();

    ProcessEngine engine;
    CamundaProcessData camunda;
    JdbcTemplate jdbc;
    String key;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        jdbc = new JdbcTemplate(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
        camunda = new CamundaProcessData(
                engine.getRuntimeService(),
                engine.getHistoryService(),
                engine.getTaskService(),
                engine.getIdentityService(),
                jdbc);
        key = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
        var model = Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("user_work")
                .camundaAssignee("${worker}")
                .userTask("user_more")
                .camundaAssignee("${worker}")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(key + ".bpmn", model)
                .deploy();
    }

    @Test
    void erasesTheirInstancesAndPseudonymisesTheirWorkOnOthers() {
        String alice = "alice" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        var own = runtime.startProcessInstanceByKey(
                key, Map.of("traineeId", alice, "worker", alice, "notes", "alice's notes"));
        var others = runtime.startProcessInstanceByKey(key, Map.of("traineeId", "bob", "worker", alice));
        tasks.complete(tasks.createTaskQuery()
                .processInstanceId(others.getId())
                .singleResult()
                .getId());
        var subject = Subject.of(alice, null);
        var identifying = Map.of("traineeId", alice);

        assertThat(camunda.instancesAbout(subject, identifying)).containsExactly(own.getId());
        assertThat(camunda.export(subject, identifying).toString()).contains("alice's notes", own.getId());

        camunda.erase(subject, identifying);

        var history = engine.getHistoryService();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(own.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(own.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(others.getId())
                        .taskAssignee(subject.pseudonym())
                        .count())
                .as("the completed task keeps a pseudonymous assignee; the open one went back unassigned")
                .isOne();
        var open = tasks.createTaskQuery().processInstanceId(others.getId()).singleResult();
        assertThat(open.getAssignee()).isNull();
        for (String table : new String[] {
            "ACT_HI_TASKINST",
            "ACT_HI_ACTINST",
            "ACT_HI_VARINST",
            "ACT_HI_DETAIL",
            "ACT_HI_IDENTITYLINK",
            "ACT_RU_VARIABLE",
            "ACT_RU_TASK",
            "ACT_RU_IDENTITYLINK"
        }) {
            String columns = String.join(
                    " || ',' || ",
                    jdbc
                            .queryForList(
                                    "select column_name from information_schema.columns where table_name = ?"
                                            + " and data_type like '%CHAR%'",
                                    String.class, table)
                            .stream()
                            .map(c -> "coalesce(" + c + ", '')")
                            .toList());
            assertThat(jdbc.queryForObject(
                            "select count(*) from " + table + " where " + columns + " like ?",
                            Long.class,
                            "%" + alice + "%"))
                    .as(table)
                    .isZero();
        }
    }
}
