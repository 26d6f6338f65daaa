package org.opensourceecology.incubator.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.opensourceecology.incubator.identity.Languages;
import org.opensourceecology.incubator.identity.PreferredLanguages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcPreferredLanguages implements PreferredLanguages {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcPreferredLanguages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> of(String userId) {
        return jdbc.queryForList("select locale from user_preference where user_id = ?", String.class, userId).stream()
                .findFirst()
                .map(tag -> Languages.supported(Locale.forLanguageTag(tag)));
    }

    @Override
    @Transactional
    public void remember(String userId, Locale locale) {
        String tag = Languages.supported(locale).toLanguageTag();
        var now = Timestamp.from(clock.instant());
        int updated = jdbc.update(
                "update user_preference set locale = ?, updated_at = ? where user_id = ?", tag, now, userId);
        if (updated == 0) {
            jdbc.update("insert into user_preference (user_id, locale, updated_at) values (?, ?, ?)", userId, tag, now);
        }
    }
}
