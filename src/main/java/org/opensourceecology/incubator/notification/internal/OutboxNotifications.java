package org.opensourceecology.incubator.notification.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.opensourceecology.incubator.identity.Directory;
import org.opensourceecology.incubator.identity.Languages;
import org.opensourceecology.incubator.identity.PreferredLanguages;
import org.opensourceecology.incubator.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class OutboxNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    private final OutboxRepository outbox;
    private final MailRenderer renderer;
    private final Directory directory;
    private final PreferredLanguages languages;
    private final Clock clock;

    OutboxNotifications(
            OutboxRepository outbox,
            MailRenderer renderer,
            Directory directory,
            PreferredLanguages languages,
            Clock clock) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.directory = directory;
        this.languages = languages;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int cancelPendingTo(String recipientEmail) {
        if (recipientEmail == null || recipientEmail.isBlank()) {
            return 0;
        }
        return outbox.deletePendingTo(recipientEmail.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(String recipientEmail, String template, Map<String, ?> model, Locale locale) {
        if (recipientEmail == null || recipientEmail.isBlank()) {
            throw new IllegalArgumentException("A mail needs a recipient");
        }
        var rendered = renderer.render(template, model, locale);
        var mail = outbox.save(
                new OutboxMail(recipientEmail, rendered.subject(), rendered.body(), template, clock.instant()));
        return mail.getId();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendToUser(String userId, String template, Map<String, ?> model) {
        directory
                .find(userId)
                .filter(person -> person.email() != null && !person.email().isBlank())
                .ifPresentOrElse(
                        person -> send(person.email(), template, withRecipient(model, person), languageOf(person)),
                        () -> log.warn("No mail '{}' for user '{}': no email address on record", template, userId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendToGroup(String groupId, String template, Map<String, ?> model) {
        directory.membersOf(groupId).forEach(person -> sendToUser(person.id(), template, model));
    }

    /** The language the person chose on the portal; English until they choose one. */
    private Locale languageOf(Directory.Person person) {
        return languages.of(person.id()).orElse(Languages.FALLBACK);
    }

    private static Map<String, Object> withRecipient(Map<String, ?> model, Directory.Person person) {
        var merged = new java.util.HashMap<String, Object>(model);
        merged.putIfAbsent("recipientName", person.displayName());
        return merged;
    }
}
