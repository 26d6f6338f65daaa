package org.opensourceecology.incubator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.LocaleResolver;

class DatabaseUnavailableFilterTest {

    final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(messages(), noLocaleResolver());
    final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/enterprises/ceb-press/downloads");
    final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void poolTimeoutBecomes503WithRetryAfter() throws Exception {
        filter.doFilter(
                request,
                response,
                failingWith(new CannotCreateTransactionException(
                        "Could not open JPA EntityManager for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS);
        assertThat(response.getContentAsString())
                .isEqualTo("The request could not be completed (error 503). Please try again later.");
    }

    @Test
    void theTextIsInTheVisitorsLanguage() throws Exception {
        request.addPreferredLocale(Locale.FRENCH);

        filter.doFilter(
                request, response, failingWith(new RuntimeException(new SQLTransientConnectionException("gone"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("erreur 503");
    }

    @Test
    void serverEndingTheConnectionBecomes503() throws Exception {
        filter.doFilter(
                request,
                response,
                failingWith(new RuntimeException(
                        "commit failed",
                        new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void rollbackOnAConnectionThePoolClosedBecomes503() throws Exception {
        filter.doFilter(
                request,
                response,
                failingWith(new JpaSystemException(new RuntimeException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))));

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresStayWhatTheyAre() {
        var bug = new DataIntegrityViolationException("duplicate key", new SQLException("duplicate", "23505"));

        assertThatThrownBy(() -> filter.doFilter(request, response, failingWith(bug)))
                .isSameAs(bug);
    }

    @Test
    void aResponseAlreadySentIsLeftAlone() throws Exception {
        response.setCommitted(true);
        var outage = new RuntimeException(new SQLTransientConnectionException("Connection is not available"));

        assertThatThrownBy(() -> filter.doFilter(request, response, failingWith(outage)))
                .isSameAs(outage);
    }

    private static MessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static ObjectProvider<LocaleResolver> noLocaleResolver() {
        return new StaticListableBeanFactory().getBeanProvider(LocaleResolver.class);
    }

    private static FilterChain failingWith(RuntimeException failure) {
        return (request, response) -> {
            throw failure;
        };
    }
}
