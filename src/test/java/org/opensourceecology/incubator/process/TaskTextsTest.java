package org.opensourceecology.incubator.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.opensourceecology.incubator.production.ProductionRunProcess;
import org.opensourceecology.incubator.replication.ReplicationProcess;
import org.opensourceecology.incubator.training.ImmersionTrainingProcess;
import org.opensourceecology.incubator.training.JourneyProcess;

/**
 * What people read in Tasklist: every user task of processes/*.bpmn has a name and a description (its
 * BPMN documentation, which Camunda turns into the task's description) that carry the task's context
 * (milestone, trainee, enterprise, period…) through expressions, and those expressions use only the
 * variables that the process's typed facade declares. Every Camunda Form in forms/ opens with a text
 * component that explains the step: a heading and at least a sentence.
 */
class TaskTextsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    static final Map<String, Class<?>> FACADES = Map.of(
            JourneyProcess.KEY, JourneyProcess.class,
            ImmersionTrainingProcess.KEY, ImmersionTrainingProcess.class,
            ProductionRunProcess.KEY, ProductionRunProcess.class,
            CertificationProcess.KEY, CertificationProcess.class,
            ReplicationProcess.KEY, ReplicationProcess.class,
            EnterpriseSpecificationProcess.KEY, EnterpriseSpecificationProcess.class,
            FollowUpProcess.KEY, FollowUpProcess.class);

    @Test
    void everyUserTaskSaysWhatToDoAndForWhomWithTheFacadesVariables() throws IOException {
        List<String> problems = new ArrayList<>();
        int userTasks = 0;
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                Process process = processOf(task);
                Class<?> facade = FACADES.get(process.getId());
                if (facade == null) {
                    problems.add(file + ": process " + process.getId() + " has no facade in TaskTextsTest.FACADES");
                    continue;
                }
                check(file, task, declaredVariables(facade), problems);
                userTasks++;
            }
        }
        assertThat(userTasks).as("user tasks checked").isGreaterThanOrEqualTo(15);
        assertThat(problems)
                .as("user tasks without a useful name or description")
                .isEmpty();
    }

    @Test
    void everyFormATaskOrStartEventOpensExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Stream.concat(
                            model.getModelElementsByType(UserTask.class).stream()
                                    .map(task -> task.getId() + "=" + task.getCamundaFormRef()),
                            model.getModelElementsByType(StartEvent.class).stream()
                                    .filter(start -> start.getCamundaFormRef() != null)
                                    .map(start -> start.getId() + "=" + start.getCamundaFormRef()))
                    .forEach(reference -> {
                        String form = reference.substring(reference.indexOf('=') + 1);
                        if ("null".equals(form) || !Files.exists(FORMS.resolve(form + ".form"))) {
                            problems.add(file + ": " + reference + " (no forms/" + form + ".form)");
                        }
                    });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormOpensWithAnExplanationOfTheStep() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> forms;
        try (Stream<Path> files = Files.list(FORMS)) {
            forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).hasSizeGreaterThanOrEqualTo(17);
        ObjectMapper json = new ObjectMapper();
        for (Path form : forms) {
            JsonNode components = json.readTree(form.toFile()).path("components");
            JsonNode first = components.path(0);
            String text = first.path("text").asText("");
            if (!"text".equals(first.path("type").asText())) {
                problems.add(form + ": the first component is " + first.path("type") + ", not a text");
            } else if (!text.startsWith("## ")) {
                problems.add(form + ": the opening text has no '## ' heading naming the step");
            } else {
                String[] parts = text.split("\\n\\s*\\n", 2);
                String explanation = parts.length < 2 ? "" : parts[1].strip();
                if (parts[0].strip().length() < 8 || explanation.length() < 40 || !explanation.contains(".")) {
                    problems.add(form + ": the heading needs a sentence or two under it that explains the step");
                }
            }
        }
        assertThat(problems).as("forms without an opening explanation").isEmpty();
    }

    private static void check(Path file, UserTask task, Set<String> declared, List<String> problems) {
        String where = file.getFileName() + " " + task.getId();
        String name = task.getName() == null ? "" : task.getName().strip();
        String description = task.getDocumentations().stream()
                .map(Documentation::getTextContent)
                .reduce("", String::concat)
                .strip();
        if (name.isEmpty()) {
            problems.add(where + ": no name");
        } else if (variables(name).isEmpty()) {
            problems.add(where + ": the name '" + name + "' names no milestone, trainee, enterprise or period");
        }
        if (description.length() < 40) {
            problems.add(where + ": no description (a bpmn:documentation saying what to do and for whom)");
        } else if (variables(description).isEmpty()) {
            problems.add(where + ": the description names no milestone, trainee, enterprise or period");
        }
        for (String text : List.of(
                name,
                description,
                String.valueOf(task.getCamundaAssignee()),
                String.valueOf(task.getCamundaDueDate()))) {
            for (String variable : variables(text)) {
                if (!declared.contains(variable)) {
                    problems.add(where + ": ${" + variable + "} is not a variable of the process's facade");
                }
            }
        }
    }

    /** The process a (possibly nested) element belongs to. */
    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The names of the facade's {@code ProcessVariable} constants. */
    private static Set<String> declaredVariables(Class<?> facade) {
        Set<String> names = new TreeSet<>();
        for (Field field : facade.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
                try {
                    names.add(((ProcessVariable<?>) field.get(null)).name());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(field + " is not readable", e);
                }
            }
        }
        return names;
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
