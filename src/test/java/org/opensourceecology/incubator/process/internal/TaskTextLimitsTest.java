package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** Task names and descriptions longer than Camunda's columns are shortened instead of failing the step. */
class TaskTextLimitsTest {

    @Test
    void shortensOnlyWhatIsTooLong() {
        assertThat(TaskTextLimits.shorten("Report production", 255)).isEqualTo("Report production");
        assertThat(TaskTextLimits.shorten(null, 255)).isNull();
        assertThat(TaskTextLimits.shorten("abcdef", 4)).isEqualTo("abc\u2026");
        // Never cuts a character outside the Basic Multilingual Plane in half.
        assertThat(TaskTextLimits.shorten("ab\uD83D\uDE00cdef", 4)).isEqualTo("ab\u2026");
    }

    @Test
    void aTaskWhoseNameAndDescriptionComeOutTooLongIsStillCreated() {
        var configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setProcessEngineName("task-text-limits")
                        .setJdbcUrl("jdbc:h2:mem:task-text-limits;DB_CLOSE_DELAY=-1")
                        .setJobExecutorActivate(false)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.getProcessEnginePlugins().add(new TaskTextLimits());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService()
                    .createDeployment()
                    .addModelInstance(
                            "long-texts.bpmn",
                            Bpmn.createExecutableProcess("long-texts")
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .userTask("work")
                                    .name("Complete milestone: ${title}")
                                    .documentation("Notes: ${notes} / ${notes}")
                                    .endEvent()
                                    .done())
                    .deploy();
            var instance = engine.getRuntimeService()
                    .startProcessInstanceByKey(
                            "long-texts", Map.of("title", "t".repeat(300), "notes", "n".repeat(3000)));

            var task = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(task.getName())
                    .hasSize(255)
                    .startsWith("Complete milestone: ttt")
                    .endsWith("t\u2026");
            assertThat(task.getDescription())
                    .hasSize(4000)
                    .startsWith("Notes: nnn")
                    .endsWith("\u2026");
            assertThat(engine.getHistoryService()
                            .createHistoricTaskInstanceQuery()
                            .taskId(task.getId())
                            .singleResult()
                            .getName())
                    .isEqualTo(task.getName());
        } finally {
            engine.close();
        }
    }
}
