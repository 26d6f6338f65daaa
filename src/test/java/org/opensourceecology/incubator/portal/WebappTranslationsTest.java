package org.opensourceecology.incubator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Spanish and French translations of Camunda's Tasklist, Cockpit, Admin and Welcome, which Camunda
 * ships in English (and German) only: {@code app/<webapp>/locales/es.json} and {@code fr.json} next to
 * each webapp's {@code scripts/config.js}. Both languages translate the same keys, every key is one of
 * Camunda's own (its {@code en.json} in the webapp jar), no text is empty, the {@code {{placeholders}}}
 * are Camunda's, and Cockpit and Admin translate at least the required set below: what people see on the
 * dashboards, in the navigation and header, and the headers, tables and buttons of processes, process
 * instances, incidents, tasks, users, groups and authorizations. Keys outside the set fall back to English.
 */
class WebappTranslationsTest {

    static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    static final List<String> WEBAPPS = List.of("tasklist", "cockpit", "admin", "welcome");
    static final List<String> LANGUAGES = List.of("es", "fr");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    /** Shared by every webapp: the header, the footer, sign-in and error pages, paging and the search bar. */
    static final List<String> COMMON_PREFIXES = List.of(
            "CAM_WIDGET_HEADER_",
            "CAM_WIDGET_FOOTER_",
            "CAM_WIDGET_SEARCH_",
            "PAGES_STATUS_",
            "PAGES_MSG_",
            "PAGINATION_",
            "PAGE_LOGIN_",
            "AUTH_");

    static final List<String> COMMON_KEYS = List.of(
            "APP_VENDOR",
            "ADMIN_APP",
            "COCKPIT_APP",
            "TASKLIST_APP",
            "BANNER_CE_EOL_TEXT",
            "MY_PROFILE",
            "SIGN_OUT_ACTION",
            "TOGGLE_NAVIGATION",
            "DASHBOARD_DASHBOARD",
            "PROCESS_DEFINITION",
            "PROCESS_INSTANCE",
            "BACK",
            "CANCEL",
            "CLOSE",
            "DELETE",
            "SAVE",
            "LOADING",
            "ERROR",
            "FILTER",
            "FILTERS",
            "TASK",
            "TASKS");

    static final Map<String, List<String>> REQUIRED_PREFIXES = Map.of(
            "cockpit",
            List.of(
                    "COCKPIT_", // navigation: Processes, Decisions, Human Tasks, More, Deployments, Batches
                    "DASHBOARD_", // the dashboard
                    "PROCESS_DEFINITION_", // a process definition's page
                    "PROCESS_INSTANCE_", // a process instance's page
                    "PLUGIN_PROCESS_DEF_", // the list of processes
                    "PLUGIN_PROCESS_INSTANCE", // the list of instances
                    "PLUGIN_INCIDENTS_", // incidents
                    "PLUGIN_USER_TASKS_", // user tasks of an instance
                    "PLUGIN_TASK_", // the human tasks dashboard
                    "PLUGIN_VARIABLE_",
                    "PLUGIN_CALLED_PROCESS",
                    "PLUGIN_DECISION_TABLE_",
                    "PLGN_MTRCS_",
                    "PLGN_ACTIVITY_INSTANCE_PERIOD_"),
            "admin",
            List.of(
                    "USERS_",
                    "GROUPS_",
                    "GROUP_CREATE_",
                    "GROUP_EDIT_",
                    "GROUP_MEMBERSHIP_GROUP_",
                    "AUTHORIZATION_",
                    "SYSTEM_",
                    "PLUGIN_SEARCH_USER_",
                    "PLUGIN_SEARCH_GROUPS_"));

    /** Buttons and titles of the dialogs a process operator opens most. */
    static final Map<String, List<String>> REQUIRED_KEYS = Map.of(
            "cockpit",
            List.of(
                    "PLUGIN_SUSPENSION_SUSPEND",
                    "PLUGIN_SUSPENSION_ACTIVATE",
                    "PLUGIN_SUSPENSION_SUSPEND_PROCESS",
                    "PLUGIN_SUSPENSION_ACTIVATE_PROCESS",
                    "PLUGIN_CANCEL_PROCESS_DELETE_PROCESS_INSTANCE",
                    "PLUGIN_CANCEL_PROCESS_DELETE_CONFIRM",
                    "PLGN_HIST_RETRY",
                    "PLGN_HIST_INCREMENT_RETRIES",
                    "PLGN_HIST_CANCEL_PROCESS_INSTANCE",
                    "PLGN_SEAR_ADD_CRITERIA",
                    "PLGN_SEAR_NO_MATCH",
                    "TASKS_HUMAN_TASKS",
                    "PLUGIN_JOBS_LABEL",
                    "PLUGIN_EXTERNAL_TASKS_LABEL"),
            "admin",
            List.of("GENERIC_CONFIRMATION_TITLE", "GENERIC_CONFIRMATION_PROCEED", "SEARCH_PLACEHOLDER"));

    final ObjectMapper json = new ObjectMapper();

    @Test
    void spanishAndFrenchTranslateTheSameCamundaKeysWithCamundasPlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String webapp : WEBAPPS) {
            JsonNode english = labels(webapp, "en");
            Map<String, Set<String>> keysByLanguage = new TreeMap<>();
            for (String language : LANGUAGES) {
                JsonNode translated = labels(webapp, language);
                Set<String> keys = new TreeSet<>();
                translated.fieldNames().forEachRemaining(keys::add);
                keysByLanguage.put(language, keys);
                for (String key : keys) {
                    String where = webapp + "/" + language + ".json: " + key;
                    String text = translated.get(key).asText();
                    if (!english.has(key)) {
                        problems.add(where + " is not a key of Camunda's " + webapp + " en.json");
                    } else if ("BANNER_CE_EOL_TEXT".equals(key)) {
                        if (!text.isEmpty()) {
                            problems.add(where + " must stay empty (no 'migrate to Camunda 8' banner)");
                        }
                    } else if (text.isBlank()) {
                        problems.add(where + " is empty");
                    } else if (!placeholders(text)
                            .equals(placeholders(english.get(key).asText()))) {
                        problems.add(where + " has placeholders " + placeholders(text) + ", Camunda's are "
                                + placeholders(english.get(key).asText()));
                    }
                }
            }
            Set<String> onlySpanish = new TreeSet<>(keysByLanguage.get("es"));
            onlySpanish.removeAll(keysByLanguage.get("fr"));
            Set<String> onlyFrench = new TreeSet<>(keysByLanguage.get("fr"));
            onlyFrench.removeAll(keysByLanguage.get("es"));
            onlySpanish.forEach(key -> problems.add(webapp + "/fr.json: " + key + " missing (es.json has it)"));
            onlyFrench.forEach(key -> problems.add(webapp + "/es.json: " + key + " missing (fr.json has it)"));
        }
        assertThat(problems).as("webapp translations").isEmpty();
    }

    @Test
    void cockpitAndAdminTranslateTheRequiredKeys() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String webapp : List.of("cockpit", "admin")) {
            Set<String> required = required(webapp);
            assertThat(required).as(webapp + " required keys").hasSizeGreaterThan(200);
            for (String language : LANGUAGES) {
                JsonNode translated = labels(webapp, language);
                required.stream()
                        .filter(key -> !translated.has(key))
                        .forEach(key -> missing.add(webapp + "/" + language + ".json: " + key));
            }
        }
        assertThat(missing).as("required keys not translated").isEmpty();
    }

    @Test
    void theWebappsNavigationIsTranslated() throws IOException {
        assertThat(labels("cockpit", "es").get("COCKPIT_PROCESSES").asText()).isEqualTo("Procesos");
        assertThat(labels("cockpit", "fr")
                        .get("DASHBOARD_RUNNING_PROCESS_INSTANCE")
                        .asText())
                .isEqualTo("Instances de processus en cours");
        assertThat(labels("admin", "es").get("USERS_USERS").asText()).isEqualTo("Usuarios");
        assertThat(labels("admin", "fr").get("GROUPS_GROUPS").asText()).isEqualTo("Groupes");
    }

    @Test
    void theRequiredSetIsCamundasOwnKeys() throws IOException {
        for (String webapp : List.of("cockpit", "admin")) {
            JsonNode english = labels(webapp, "en");
            assertThat(required(webapp))
                    .allSatisfy(key ->
                            assertThat(english.has(key)).as(webapp + " " + key).isTrue());
        }
    }

    /** The keys of Camunda's English file that the prefixes cover, and the listed keys. */
    private Set<String> required(String webapp) throws IOException {
        JsonNode english = labels(webapp, "en");
        List<String> prefixes = new ArrayList<>(COMMON_PREFIXES);
        prefixes.addAll(REQUIRED_PREFIXES.get(webapp));
        Set<String> required = new TreeSet<>(REQUIRED_KEYS.get(webapp));
        required.addAll(COMMON_KEYS);
        english.fieldNames().forEachRemaining(key -> {
            if (prefixes.stream().anyMatch(key::startsWith)) {
                required.add(key);
            }
        });
        return required;
    }

    private JsonNode labels(String webapp, String language) throws IOException {
        String path = LOCALES.formatted(webapp, language);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            // Camunda's own en.json files start with a byte order mark.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            JsonNode labels = json.readTree(text).get("labels");
            assertThat(labels).as(path + " has labels").isNotNull();
            return labels;
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
