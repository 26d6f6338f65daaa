package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.process.TranslatedTaskTexts;

/**
 * A user task's name and description in Spanish and French are rendered when it is created, from the
 * same variables as the English ones, into task-local variables; a text changed in Modeler since it
 * was translated, or without a translation, stays English only.
 */
class TaskTextTranslationsTest {

    static ProcessEngine engine;

    @BeforeAll
    static void engineWithTranslations() {
        var english = new Properties();
        english.put("texts.work.name", "Sign off ${title} for ${trainee}");
        english.put("texts.work.description", "Check what ${trainee} did.");
        english.put("texts.changed.name", "Old name of ${title}");
        english.put("texts.changed.description", "Look at ${title}.");
        var spanish = new Properties();
        spanish.put("texts.work.name", "Aprobar ${title} de ${trainee}");
        spanish.put("texts.work.description", "Compruebe lo que hizo ${trainee}.");
        spanish.put("texts.changed.name", "Nombre antiguo de ${title}");
        spanish.put("texts.changed.description", "Mire ${title}.");
        var french = new Properties();
        french.put("texts.work.name", "Valider ${title} de ${trainee}");

        var configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setProcessEngineName("task-text-translations")
                        .setJdbcUrl("jdbc:h2:mem:task-text-translations;DB_CLOSE_DELAY=-1")
                        .setJobExecutorActivate(false)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.getProcessEnginePlugins().add(new TaskTextLimits());
        configuration
                .getProcessEnginePlugins()
                .add(new TaskTextTranslations(
                        TranslationBundle.of("processes", english, Map.of("es", spanish, "fr", french))));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "texts.bpmn",
                        Bpmn.createExecutableProcess("texts")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("work")
                                .name("Sign off ${title} for ${trainee}")
                                .documentation("Check what ${trainee} did.")
                                .userTask("changed")
                                .name("New name of ${title}")
                                .documentation("Look at ${title}.")
                                .userTask("untranslated")
                                .name("Nothing for ${title}")
                                .endEvent()
                                .done())
                .deploy();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void rendersEachLanguagesNameAndDescriptionIntoTaskLocalVariables() {
        var task = start("the frame", "Ada");

        assertThat(task.getName()).isEqualTo("Sign off the frame for Ada");
        assertThat(engine.getTaskService().getVariablesLocal(task.getId()))
                .as("one variable for all of them")
                .containsOnlyKeys(TranslatedTaskTexts.TEXTS.name());
        assertThat(texts(task.getId()))
                .containsOnly(
                        Map.entry("taskName_es", "Aprobar the frame de Ada"),
                        Map.entry("taskDescription_es", "Compruebe lo que hizo Ada."),
                        Map.entry("taskName_fr", "Valider the frame de Ada"));
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .taskIdIn(task.getId())
                        .count())
                .as("in the instance's history, so that deleting the instance removes them")
                .isEqualTo(1);
    }

    @Test
    void aTextChangedInModelerSinceItsTranslationStaysEnglishOnly() {
        var work = start("the press", "Bo");
        engine.getTaskService().complete(work.getId());
        var changed = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(work.getProcessInstanceId())
                .singleResult();

        assertThat(changed.getName()).isEqualTo("New name of the press");
        assertThat(texts(changed.getId())).containsOnly(Map.entry("taskDescription_es", "Mire the press."));

        engine.getTaskService().complete(changed.getId());
        var untranslated = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(work.getProcessInstanceId())
                .singleResult();
        assertThat(engine.getTaskService().getVariablesLocal(untranslated.getId()))
                .isEmpty();
    }

    @Test
    void translationsAreShortenedToTheColumnsLikeTheEnglishName() {
        var task = start("t".repeat(300), "Cy");

        assertThat(task.getName()).hasSize(TaskTextLimits.NAME_LENGTH);
        assertThat(texts(task.getId()).get("taskName_es"))
                .hasSize(TaskTextLimits.NAME_LENGTH)
                .startsWith("Aprobar ttt")
                .endsWith("\u2026");
    }

    @Test
    void longDescriptionsAreShortenedSoThatAllTextsFitOneVariable() {
        var names = new LinkedHashMap<String, String>();
        names.put("taskName_es", "n".repeat(300));
        names.put("taskName_fr", "m");
        var descriptions = new LinkedHashMap<String, String>();
        descriptions.put("taskDescription_es", "d".repeat(4000));
        descriptions.put("taskDescription_fr", "e\"".repeat(2000));

        String json = TaskTextLimits.fit(names, descriptions);

        assertThat(json.length()).isLessThanOrEqualTo(TaskTextLimits.VARIABLE_LENGTH);
        var texts = TranslatedTaskTexts.decode(json);
        assertThat(texts.get("taskName_es")).hasSize(TaskTextLimits.NAME_LENGTH);
        assertThat(texts.get("taskName_fr")).isEqualTo("m");
        assertThat(texts.get("taskDescription_es"))
                .startsWith("ddd")
                .endsWith("\u2026")
                .hasSizeGreaterThan(500);
        assertThat(texts.get("taskDescription_fr")).startsWith("e\"e").endsWith("\u2026");
        assertThat(TaskTextLimits.fit(new LinkedHashMap<>(), new LinkedHashMap<>()))
                .isNull();
    }

    @Test
    void theQueryReadsTheTextsOfNewTasksAndOfTasksMadeWithOneVariablePerText() {
        var task = start("the frame", "Ada");
        var older = start("the saw", "Bo");
        engine.getTaskService().removeVariableLocal(older.getId(), TranslatedTaskTexts.TEXTS.name());
        engine.getTaskService().setVariableLocal(older.getId(), "taskName_es", "Aprobar la sierra de Bo");

        var found = new TaskTextQuery(engine)
                .find(List.of(task.getId(), older.getId()), List.of("taskName_es", "taskDescription_es"));

        assertThat(found.get(task.getId()))
                .containsOnly(
                        Map.entry("taskName_es", "Aprobar the frame de Ada"),
                        Map.entry("taskDescription_es", "Compruebe lo que hizo Ada."));
        assertThat(found.get(older.getId())).containsOnly(Map.entry("taskName_es", "Aprobar la sierra de Bo"));
        assertThat(TranslatedTaskTexts.decode("not json")).isEmpty();
    }

    /** The real diagrams and bundle: every user task gets its Spanish and French name and description. */
    @Test
    void everyUserTaskOfProcessesIsTranslatedAsCamundaParsesIt() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setProcessEngineName("task-text-translations-real")
                        .setJdbcUrl("jdbc:h2:mem:task-text-translations-real;DB_CLOSE_DELAY=-1")
                        .setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new TaskTextTranslations());
        ProcessEngine real = configuration.buildProcessEngine();
        try {
            var deployment = real.getRepositoryService().createDeployment();
            try (var files = Files.list(Path.of("processes"))) {
                for (var file :
                        files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                    deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
                }
            }
            deployment.deploy();
            var untranslated = new ArrayList<String>();
            int userTasks = 0;
            for (var definition :
                    real.getRepositoryService().createProcessDefinitionQuery().list()) {
                var parsed = (ProcessDefinitionEntity) ((RepositoryServiceImpl) real.getRepositoryService())
                        .getDeployedProcessDefinition(definition.getId());
                for (var activity : allActivities(parsed)) {
                    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                        userTasks++;
                        var renderings = task
                                .getTaskDefinition()
                                .getBuiltinTaskListeners()
                                .getOrDefault(TaskListener.EVENTNAME_CREATE, List.of())
                                .stream()
                                .filter(TaskTextTranslations.RenderTranslations.class::isInstance)
                                .map(l -> ((TaskTextTranslations.RenderTranslations) l).renderings())
                                .findFirst()
                                .orElse(List.of());
                        if (renderings.size() != TranslatedTaskTexts.ALL.size()
                                || renderings.stream().anyMatch(r -> r.name() == null || r.description() == null)) {
                            untranslated.add(definition.getKey() + "." + activity.getId());
                        }
                    }
                }
            }
            assertThat(userTasks).isGreaterThanOrEqualTo(15);
            assertThat(untranslated)
                    .as("user tasks without a Spanish and French name and description")
                    .isEmpty();
        } finally {
            real.close();
        }
    }

    private static List<ActivityImpl> allActivities(ScopeImpl scope) {
        var all = new ArrayList<ActivityImpl>();
        for (var activity : scope.getActivities()) {
            all.add(activity);
            all.addAll(allActivities(activity));
        }
        return all;
    }

    private static Task start(String title, String trainee) {
        var instance = engine.getRuntimeService()
                .startProcessInstanceByKey("texts", Map.of("title", title, "trainee", trainee));
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
    }

    private static Map<String, String> texts(String taskId) {
        return TranslatedTaskTexts.decode(
                engine.getTaskService().getVariableLocal(taskId, TranslatedTaskTexts.TEXTS.name()));
    }
}
