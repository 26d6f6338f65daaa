package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A Camunda Form's schema in another language: its texts change, nothing else does. */
class FormTextsTest {

    static final Locale ES = Locale.forLanguageTag("es");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Every component type the forms in forms/ use, in a group, next to a component of unknown type. */
    static final String SCHEMA = """
            {"id": "sample", "type": "default", "schemaVersion": 16, "components": [
              {"id": "intro", "type": "text", "text": "## Do it\\n\\nRun {{count}} units, see [page](/runs/{{id}})."},
              {"id": "name", "key": "name", "type": "textfield", "label": "Name", "description": "Your name",
               "validate": {"required": true, "maxLength": 80}, "appearance": {"prefixAdorner": "Mr"}},
              {"id": "notes", "key": "notes", "type": "textarea", "label": "Notes", "readonly": true},
              {"id": "hours", "key": "hours", "type": "number", "label": "Hours", "decimalDigits": 0,
               "validate": {"min": 0, "max": 2000}},
              {"id": "agree", "key": "agree", "type": "checkbox", "label": "I agree", "defaultValue": false},
              {"id": "decision", "key": "decision", "type": "radio", "label": "Decision",
               "values": [{"label": "Accept", "value": "accept"}, {"label": "Reject", "value": "reject"}]},
              {"id": "founded", "key": "founded", "type": "datetime", "subtype": "date", "dateLabel": "Founded on"},
              {"id": "box", "type": "group", "label": "More", "components": [
                {"id": "city", "key": "city", "type": "textfield", "label": "Town"}]},
              {"id": "computed", "key": "computed", "type": "textfield", "label": "=upper(name)"},
              {"id": "widget", "type": "x-custom", "label": "Custom widget",
               "components": [{"id": "inner", "type": "textfield", "label": "Inner"}]}
            ]}""";

    static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("sample.intro.text", "## Do it\n\nRun {{count}} units, see [page](/runs/{{id}})."),
            Map.entry("sample.name.label", "Name"),
            Map.entry("sample.name.description", "Your name"),
            Map.entry("sample.name.prefixAdorner", "Mr"),
            Map.entry("sample.notes.label", "Notes"),
            Map.entry("sample.hours.label", "Hours"),
            Map.entry("sample.agree.label", "I agree"),
            Map.entry("sample.decision.label", "Decision"),
            Map.entry("sample.decision.values.accept", "Accept"),
            Map.entry("sample.decision.values.reject", "Reject"),
            Map.entry("sample.founded.dateLabel", "Founded on"),
            Map.entry("sample.box.label", "More"),
            Map.entry("sample.city.label", "Town"));

    @Test
    void findsEveryTextWithItsKeyAndLeavesExpressionsAndUnknownComponentsOut() throws Exception {
        var found = new java.util.LinkedHashMap<String, String>();
        FormTexts.of(JSON.readTree(SCHEMA)).forEach(text -> found.put(text.key(), text.english()));
        assertThat(found).isEqualTo(ENGLISH);
        assertThat(FormTexts.problems(JSON.readTree(SCHEMA))).isEmpty();
    }

    @Test
    void translatesEveryComponentTypeAndChangesNothingElse() throws Exception {
        var spanish = new Properties();
        ENGLISH.forEach((key, text) -> spanish.put(key, "ES " + text));
        spanish.put("sample.intro.text", "## Hágalo\n\nFabrique {{count}} unidades, vea [la página](/runs/{{id}}).");
        JsonNode schema = JSON.readTree(SCHEMA);

        JsonNode translated = FormTexts.translated(schema, bundle(spanish), ES);

        assertThat(schema).as("the original is untouched").isEqualTo(JSON.readTree(SCHEMA));
        JsonNode components = translated.get("components");
        assertThat(components.get(0).get("text").asText())
                .isEqualTo("## Hágalo\n\nFabrique {{count}} unidades, vea [la página](/runs/{{id}}).");
        assertThat(components.get(1).get("label").asText()).isEqualTo("ES Name");
        assertThat(components.get(1).get("description").asText()).isEqualTo("ES Your name");
        assertThat(components.get(1).at("/appearance/prefixAdorner").asText()).isEqualTo("ES Mr");
        assertThat(components.get(2).get("label").asText()).isEqualTo("ES Notes");
        assertThat(components.get(3).get("label").asText()).isEqualTo("ES Hours");
        assertThat(components.get(4).get("label").asText()).isEqualTo("ES I agree");
        assertThat(components.get(5).get("label").asText()).isEqualTo("ES Decision");
        assertThat(components.get(5).at("/values/0/label").asText()).isEqualTo("ES Accept");
        assertThat(components.get(5).at("/values/0/value").asText()).isEqualTo("accept");
        assertThat(components.get(5).at("/values/1/label").asText()).isEqualTo("ES Reject");
        assertThat(components.get(6).get("dateLabel").asText()).isEqualTo("ES Founded on");
        assertThat(components.get(7).get("label").asText()).isEqualTo("ES More");
        assertThat(components.get(7).at("/components/0/label").asText()).isEqualTo("ES Town");
        assertThat(components.get(8).get("label").asText())
                .as("a FEEL expression")
                .isEqualTo("=upper(name)");
        assertThat(components.get(9))
                .as("an unknown component")
                .isEqualTo(schema.get("components").get(9));
        assertThat(withoutTexts(translated)).isEqualTo(withoutTexts(schema));
    }

    @Test
    void keepsTheFormsEnglishWhereATranslationIsMissingOrItsOriginalChanged() throws Exception {
        var spanish = new Properties();
        spanish.put("sample.name.label", "Nombre");
        spanish.put("sample.notes.label", "Notas");
        var english = new Properties();
        english.putAll(ENGLISH);
        english.put("sample.notes.label", "Remarks"); // translated before an admin renamed it in Modeler

        JsonNode translated = FormTexts.translated(
                JSON.readTree(SCHEMA), TranslationBundle.of("forms", english, Map.of("es", spanish)), ES);

        assertThat(translated.at("/components/1/label").asText()).isEqualTo("Nombre");
        assertThat(translated.at("/components/1/description").asText()).isEqualTo("Your name");
        assertThat(translated.at("/components/2/label").asText()).isEqualTo("Notes");
        assertThat(FormTexts.translated(JSON.readTree(SCHEMA), bundle(spanish), Locale.ENGLISH))
                .isEqualTo(JSON.readTree(SCHEMA));
    }

    @Test
    void reportsComponentsWithTextButNoIdAndIdsUsedTwice() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"id": "broken", "components": [
                  {"key": "a", "type": "textfield", "label": "No id"},
                  {"id": "b", "type": "textfield", "label": "First"},
                  {"id": "b", "type": "textarea", "label": "Second"},
                  {"id": "c", "type": "radio", "label": "Pick", "values": [{"label": "One option", "value": "1 2"}]},
                  {"type": "spacer"}
                ]}""");

        assertThat(FormTexts.problems(schema))
                .containsExactlyInAnyOrder(
                        "a textfield component with the text 'No id' has no id (letters, digits, '_', '.', '-')",
                        "broken.c.values: the option 'One option' has the value '1 2', which cannot be part of a key",
                        "the id 'b' is used by two components");
        assertThat(FormTexts.problems(JSON.readTree("{\"components\": []}"))).hasSize(1);
    }

    /** Each real form in Spanish and French: every text translated, every other property as it was. */
    @Test
    void everyFormInFormsTranslatesCompletely() throws Exception {
        TranslationBundle bundle = TranslationBundle.load(EngineApiTranslationConfiguration.FORMS_BUNDLE);
        Set<String> types = new TreeSet<>();
        List<String> untranslated = new ArrayList<>();
        for (Path form : TasklistTextsTest.forms()) {
            JsonNode schema = TasklistTextsTest.read(form);
            schema.get("components")
                    .forEach(component -> types.add(component.get("type").asText()));
            for (Locale language : List.of(ES, Locale.FRENCH)) {
                JsonNode translated = FormTexts.translated(schema, bundle, language);
                assertThat(withoutTexts(translated)).as(form + " " + language).isEqualTo(withoutTexts(schema));
                var english = FormTexts.of(schema);
                var texts = FormTexts.of(translated);
                for (int i = 0; i < english.size(); i++) {
                    if (english.get(i).english().equals(texts.get(i).english())
                            && !SAME_IN_EVERY_LANGUAGE.contains(english.get(i).english())) {
                        untranslated.add(language + " " + english.get(i).key());
                    }
                }
            }
        }
        assertThat(types).contains("text", "textfield", "textarea", "number", "checkbox", "radio", "datetime");
        assertThat(untranslated).isEmpty();
    }

    /** Words that need no translation. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Mentor", "Motivation", "Certification", "Latitude");

    private static TranslationBundle bundle(Properties spanish) {
        var english = new Properties();
        english.putAll(ENGLISH);
        return TranslationBundle.of("forms", english, Map.of("es", spanish));
    }

    /** The schema with every translatable text blanked: what must not change. */
    private static JsonNode withoutTexts(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        for (FormTexts.Text text : FormTexts.of(copy)) {
            ((ObjectNode) text.holder()).put(text.field(), "");
        }
        return copy;
    }
}
