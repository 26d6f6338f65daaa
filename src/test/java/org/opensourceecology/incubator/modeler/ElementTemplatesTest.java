package org.opensourceecology.incubator.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The element templates in {@code processes/element-templates/} and the JavaDelegate beans in the code
 * match one to one: every template names a bean that exists, and every delegate has a template, so an
 * admin in Camunda Modeler picks "Issue certificate" instead of typing an expression.
 */
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("processes", "element-templates");
    static final Pattern DELEGATE_EXPRESSION = Pattern.compile("^\\$\\{([a-zA-Z][a-zA-Z0-9]*)}$");

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTemplateNamesAnExistingDelegateAndEveryDelegateHasATemplate() throws IOException {
        Map<String, String> delegates = delegateBeans();
        Map<String, Path> templates = templatedBeans();

        assertThat(delegates).as("JavaDelegate @Components in the code").hasSizeGreaterThan(20);
        assertThat(templates.keySet())
                .as("beans named by the templates in %s", TEMPLATES)
                .containsExactlyInAnyOrderElementsOf(delegates.keySet());
    }

    @Test
    void templatesAreCamunda7ServiceTaskTemplatesWithReadableNames() throws IOException {
        for (Path file : templateFiles()) {
            JsonNode template = json.readTree(file.toFile());
            assertThat(template.path("$schema").asText())
                    .as(file.toString())
                    .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
            assertThat(template.path("appliesTo").toString())
                    .as(file.toString())
                    .isEqualTo("[\"bpmn:ServiceTask\"]");
            assertThat(template.path("name").asText()).as(file.toString()).matches("[A-Z][a-z].*");
            assertThat(template.path("description").asText())
                    .as(file.toString())
                    .hasSizeGreaterThan(20);
            assertThat(template.path("id").asText())
                    .as(file.toString())
                    .isEqualTo("org.opensourceecology.incubator." + beanOf(file, template));
        }
    }

    @Test
    void asyncBeforeTemplatesMatchTheDiagramsThatUseThem() throws IOException {
        Map<String, Boolean> asyncInDiagrams = new TreeMap<>();
        Pattern serviceTask = Pattern.compile("<bpmn:serviceTask([^>]*)>");
        try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
            for (Path diagram :
                    diagrams.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = serviceTask.matcher(Files.readString(diagram));
                while (m.find()) {
                    Matcher bean = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"")
                            .matcher(m.group(1));
                    if (bean.find()) {
                        asyncInDiagrams.put(bean.group(1), m.group(1).contains("camunda:asyncBefore=\"true\""));
                    }
                }
            }
        }
        for (Path file : templateFiles()) {
            JsonNode template = json.readTree(file.toFile());
            String bean = beanOf(file, template);
            boolean asyncInTemplate = false;
            for (JsonNode property : template.path("properties")) {
                if ("camunda:asyncBefore"
                        .equals(property.path("binding").path("name").asText())) {
                    asyncInTemplate = property.path("value").asBoolean();
                }
            }
            assertThat(asyncInTemplate)
                    .as("asyncBefore of %s", bean)
                    .isEqualTo(asyncInDiagrams.getOrDefault(bean, false));
        }
    }

    private Map<String, Path> templatedBeans() throws IOException {
        Map<String, Path> beans = new TreeMap<>();
        for (Path file : templateFiles()) {
            Path previous = beans.put(beanOf(file, json.readTree(file.toFile())), file);
            assertThat(previous).as("two templates for one bean: %s", file).isNull();
        }
        return beans;
    }

    private static String beanOf(Path file, JsonNode template) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if ("property".equals(binding.path("type").asText())
                    && "camunda:delegateExpression".equals(binding.path("name").asText())) {
                assertThat(property.path("type").asText()).as(file.toString()).isEqualTo("Hidden");
                Matcher m = DELEGATE_EXPRESSION.matcher(property.path("value").asText());
                assertThat(m.matches())
                        .as("%s: value must be ${beanName}", file)
                        .isTrue();
                return m.group(1);
            }
        }
        throw new AssertionError(file + " binds no camunda:delegateExpression");
    }

    private static java.util.List<Path> templateFiles() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Bean name → class of every {@code @Component} implementing {@link JavaDelegate}. */
    private static Map<String, String> delegateBeans() {
        var scanner = new ClassPathScanningCandidateComponentProvider(true);
        scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
        return scanner.findCandidateComponents("org.opensourceecology.incubator").stream()
                .map(AnnotatedBeanDefinition.class::cast)
                .filter(d -> d.getMetadata().isAnnotated(Component.class.getName()))
                .filter(d -> isDelegate(d.getBeanClassName()))
                .collect(Collectors.toMap(
                        d -> (String) d.getMetadata()
                                .getAnnotationAttributes(Component.class.getName())
                                .get("value"),
                        AnnotatedBeanDefinition::getBeanClassName,
                        (a, b) -> {
                            throw new AssertionError("two delegates share a bean name: " + a + ", " + b);
                        },
                        TreeMap::new));
    }

    private static boolean isDelegate(String className) {
        try {
            return JavaDelegate.class.isAssignableFrom(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
