package org.opensourceecology.incubator.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensourceecology.incubator.identity.Directory;
import org.opensourceecology.incubator.identity.PreferredLanguages;
import org.opensourceecology.incubator.notification.LocalizedText;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.util.ReflectionTestUtils;

/** Mail in the recipient's language: each template renders in English, Spanish and French. */
class MailLanguagesTest {

    static final Map<String, Object> DOWNLOAD = Map.of(
            "enterpriseName", "CEB Press",
            "slug", "ceb-press",
            "manualUrl", "https://example.org/ceb-manual",
            "manualVersion", "2024.1",
            "unsubscribeToken", "t0k3n");

    final MailRenderer renderer = new MailRenderer(messages(), new MockEnvironment());

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "messages/download", "messages/training");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Your Operations Manual link | thank you for downloading the Operations Manual of CEB Press",
                "es | Su enlace al Manual de Operaciones | gracias por descargar el Manual de Operaciones de CEB Press",
                "fr | Votre lien vers le manuel d’exploitation | merci d’avoir téléchargé le manuel d’exploitation de CEB Press",
                "de | Your Operations Manual link | thank you for downloading the Operations Manual of CEB Press"
            })
    void downloadMailRendersInTheLanguageOfTheDownload(String language, String subject, String greeting) {
        var mail = renderer.render("download-manual-link", DOWNLOAD, Locale.forLanguageTag(language));

        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.body())
                .contains(greeting)
                .contains("http://localhost:8080/unsubscribe/t0k3n")
                .contains("https://example.org/ceb-manual");
    }

    @Test
    void sendToUserUsesTheLanguageThePersonChoseOnThePortal() {
        var outbox = mock(OutboxRepository.class);
        var directory = mock(Directory.class);
        given(directory.find("maria"))
                .willReturn(Optional.of(new Directory.Person("maria", "María", "López", "maria@example.org")));
        var preferences = mock(PreferredLanguages.class);
        given(preferences.of("maria")).willReturn(Optional.of(Locale.forLanguageTag("es")));
        var captured = new java.util.ArrayList<OutboxMail>();
        given(outbox.save(any())).willAnswer(call -> {
            OutboxMail mail = call.getArgument(0);
            ReflectionTestUtils.setField(mail, "id", (long) captured.size() + 1);
            captured.add(mail);
            return mail;
        });
        var notifications = new OutboxNotifications(outbox, renderer, directory, preferences, Clock.systemUTC());

        notifications.sendToUser(
                "maria", "training-task-assigned", Map.of("taskName", "Hito 1", "taskPath", "/camunda/app/tasklist/"));

        assertThat(captured).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Una tarea le espera");
            assertThat(mail.getBody()).startsWith("Hola, María López:").contains("Ábrala aquí");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Complete milestone: Frame",
                "es | Completar el hito: Marco",
                "fr | Complete milestone: Frame",
                "de | Complete milestone: Frame"
            })
    void aTaskNameInSeveralLanguagesReachesEachRecipientInTheirs(String language, String name) {
        var taskName = new LocalizedText(Map.of("en", "Complete milestone: Frame", "es", "Completar el hito: Marco"));

        var mail = renderer.render(
                "training-task-assigned",
                Map.of("taskName", taskName, "taskPath", "/x", "recipientName", "Ana"),
                Locale.forLanguageTag(language));

        assertThat(mail.body()).contains("  " + name + "\n").doesNotContain("LocalizedText");
    }

    @Test
    void sendToUserWithoutAChoiceIsEnglish() {
        var outbox = mock(OutboxRepository.class);
        var captured = new java.util.ArrayList<OutboxMail>();
        given(outbox.save(any())).willAnswer(call -> {
            OutboxMail mail = call.getArgument(0);
            ReflectionTestUtils.setField(mail, "id", (long) captured.size() + 1);
            captured.add(mail);
            return mail;
        });
        var directory = mock(Directory.class);
        given(directory.find("sam"))
                .willReturn(Optional.of(new Directory.Person("sam", "Sam", null, "sam@example.org")));
        var notifications =
                new OutboxNotifications(outbox, renderer, directory, mock(PreferredLanguages.class), Clock.systemUTC());

        notifications.sendToUser("sam", "training-task-assigned", Map.of("taskName", "Milestone 1", "taskPath", "/x"));

        assertThat(captured).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("A task is waiting for you");
            assertThat(mail.getBody()).startsWith("Hello Sam,");
        });
    }
}
