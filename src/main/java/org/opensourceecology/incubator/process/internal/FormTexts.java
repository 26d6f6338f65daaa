package org.opensourceecology.incubator.process.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The texts people read in a Camunda Form (form-js schema, {@code forms/*.form}) and their keys in the
 * {@code messages/forms} bundle: {@code <form id>.<component id>.<property>} for labels, descriptions,
 * markdown texts, date and time labels, placeholders, adorners, image alternatives and titles;
 * {@code <form id>.<component id>.values.<value>} for the options of radios, selects, checklists and tag
 * lists; {@code <form id>.<component id>.columns.<column key>} for table columns. Component ids are
 * stable (Modeler keeps them; code and tests rely on them), so a key survives moving a field.
 *
 * <p>Only texts of known component types are touched, recursively into groups and dynamic lists; a
 * component of any other type is left exactly as it is, with everything inside it. A text that is a
 * FEEL expression ({@code =...}) is computed by the form, not translated.
 */
final class FormTexts {

    /** The form-js component types of Camunda 7.24's Tasklist whose texts are known. */
    static final Set<String> KNOWN_TYPES = Set.of(
            "default",
            "text",
            "textfield",
            "textarea",
            "number",
            "datetime",
            "checkbox",
            "checklist",
            "radio",
            "select",
            "taglist",
            "button",
            "group",
            "dynamiclist",
            "separator",
            "spacer",
            "image",
            "html",
            "iframe",
            "table",
            "expression",
            "filepicker",
            "documentPreview");

    static final List<String> TEXT_PROPERTIES =
            List.of("label", "description", "text", "content", "dateLabel", "timeLabel", "placeholder", "alt", "title");

    static final List<String> ADORNERS = List.of("prefixAdorner", "suffixAdorner");

    /** What ids and option values may contain to be part of a key. */
    static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]+");

    /** One translatable text of a form: its key, its English text, and the JSON field that holds it. */
    record Text(String key, String english, ObjectNode holder, String field) {}

    private FormTexts() {}

    /** Every translatable text of the form, in schema order (the nodes are the schema's own). */
    static List<Text> of(JsonNode schema) {
        var texts = new ArrayList<Text>();
        String formId = schema.path("id").asText("");
        if (SAFE.matcher(formId).matches()) {
            collect(formId, schema.path("components"), texts, new ArrayList<>());
        }
        return texts;
    }

    /**
     * What keeps texts of this form from having a stable key: no form id, components with texts but no
     * id, ids used twice, option values that cannot be part of a key. Empty for a form fit to translate.
     */
    static List<String> problems(JsonNode schema) {
        var problems = new ArrayList<String>();
        String formId = schema.path("id").asText("");
        if (!SAFE.matcher(formId).matches()) {
            problems.add("the form has no id of letters, digits, '_', '.' and '-' (found '" + formId + "')");
            return problems;
        }
        collect(formId, schema.path("components"), new ArrayList<>(), problems);
        return problems;
    }

    /** A copy of the schema with every text the bundle translates into {@code language}; the rest as it was. */
    static JsonNode translated(JsonNode schema, TranslationBundle bundle, Locale language) {
        JsonNode copy = schema.deepCopy();
        for (Text text : of(copy)) {
            bundle.translate(text.key(), text.english(), language)
                    .ifPresent(translation -> text.holder().put(text.field(), translation));
        }
        return copy;
    }

    private static void collect(String formId, JsonNode components, List<Text> texts, List<String> problems) {
        var ids = new HashSet<String>();
        collect(formId, components, texts, problems, ids);
    }

    private static void collect(
            String formId, JsonNode components, List<Text> texts, List<String> problems, Set<String> ids) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            if (!(component instanceof ObjectNode object)
                    || !KNOWN_TYPES.contains(component.path("type").asText())) {
                continue;
            }
            String id = component.path("id").asText("");
            var own = new ArrayList<Text>();
            String prefix = formId + "." + id + ".";
            for (String property : TEXT_PROPERTIES) {
                text(object, property, prefix + property, own);
            }
            if (object.path("appearance") instanceof ObjectNode appearance) {
                for (String adorner : ADORNERS) {
                    text(appearance, adorner, prefix + adorner, own);
                }
            }
            options(object, "values", "value", prefix, own, problems);
            options(object, "columns", "key", prefix, own, problems);
            if (!own.isEmpty()) {
                if (!SAFE.matcher(id).matches()) {
                    problems.add("a " + component.path("type").asText() + " component with the text '"
                            + own.get(0).english() + "' has no id (letters, digits, '_', '.', '-')");
                } else if (!ids.add(id)) {
                    problems.add("the id '" + id + "' is used by two components");
                } else {
                    texts.addAll(own);
                }
            }
            collect(formId, component.path("components"), texts, problems, ids);
        }
    }

    private static void options(
            ObjectNode component,
            String list,
            String keyField,
            String prefix,
            List<Text> texts,
            List<String> problems) {
        JsonNode options = component.path(list);
        if (!options.isArray()) {
            return;
        }
        for (JsonNode option : options) {
            if (option instanceof ObjectNode object && isText(object.get("label"))) {
                String value = object.path(keyField).asText("");
                if (SAFE.matcher(value).matches()) {
                    text(object, "label", prefix + list + "." + value, texts);
                } else {
                    problems.add(prefix + list + ": the option '"
                            + object.get("label").asText() + "' has the " + keyField + " '" + value
                            + "', which cannot be part of a key");
                }
            }
        }
    }

    private static void text(ObjectNode holder, String field, String key, List<Text> texts) {
        JsonNode value = holder.get(field);
        if (isText(value)) {
            texts.add(new Text(key, value.asText(), holder, field));
        }
    }

    /** Non-blank text that is not a FEEL expression, which the form computes itself. */
    private static boolean isText(JsonNode value) {
        return value != null
                && value.isTextual()
                && !value.asText().isBlank()
                && !value.asText().startsWith("=");
    }
}
