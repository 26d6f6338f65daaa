package org.opensourceecology.incubator.notification.internal;

import java.util.ArrayList;
import java.util.List;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mail to a person (by recipient address) and mail to others that mentions them. Erasure deletes mail
 * to them (pending mail is thereby cancelled) and blanks bodies of other mail naming them. Runs last,
 * after other modules may have queued mail about the erasure.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OutboxPersonalData implements PersonalData {

    static final String ERASED_BODY = "[erased on request]";

    private final JdbcClient jdbc;

    OutboxPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public Object export(Subject subject) {
        if (!subject.hasEmail()) {
            return List.of();
        }
        return jdbc.sql("select id, recipient, subject, body, template, status, created_at, sent_at from mail_outbox"
                        + " where lower(recipient) = :email order by id")
                .param("email", subject.email())
                .query()
                .listOfRows();
    }

    @Override
    public void erase(Subject subject) {
        if (subject.hasEmail()) {
            jdbc.sql("delete from mail_outbox where lower(recipient) = :email")
                    .param("email", subject.email())
                    .update();
        }
        var mentions = new ArrayList<String>(subject.names());
        if (subject.hasEmail()) {
            mentions.add(subject.email());
        }
        for (String mention : mentions) {
            jdbc.sql("update mail_outbox set body = :erased, subject = :erased"
                            + " where lower(body) like :pattern or lower(subject) like :pattern")
                    .param("erased", ERASED_BODY)
                    .param("pattern", "%" + likeEscape(mention.toLowerCase(java.util.Locale.ROOT)) + "%")
                    .update();
        }
    }

    private static String likeEscape(String value) {
        return value.replace("%", "");
    }
}
