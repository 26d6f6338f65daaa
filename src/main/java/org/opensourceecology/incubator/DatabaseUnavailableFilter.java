package org.opensourceecology.incubator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A request that fails because the database cannot be reached (the pool gave up waiting for a
 * connection: the server is down or every connection is busy; or the server ended the connection:
 * a restart, a failover) is answered 503 Service Unavailable with
 * Retry-After and a short text in the visitor's language instead of a 500 that reads as a bug: load
 * balancers and clients know to try again, and people are asked to. Outermost filter, so that it also
 * sees what the session and security filters throw when they load or save the session in the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> localeResolver;

    DatabaseUnavailableFilter(MessageSource messages, ObjectProvider<LocaleResolver> localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !databaseUnreachable(e)) {
                throw e;
            }
            log.warn(
                    "{} {} answered 503: the database is unreachable ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootMessage(e));
            // Written here rather than through the error page, which would want the database again
            // (session, security context) and wait for it once more.
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(messageFor(request));
        }
    }

    private String messageFor(HttpServletRequest request) {
        LocaleResolver resolver = localeResolver.getIfUnique();
        Locale locale = resolver == null ? request.getLocale() : resolver.resolveLocale(request);
        return messages.getMessage("error.other", new Object[] {HttpServletResponse.SC_SERVICE_UNAVAILABLE}, locale);
    }

    /**
     * Hikari's "connection is not available" (SQLTransientConnectionException), an SQLSTATE of class 08
     * (connection exception) or 57P (the server shut down or is starting), or a connection the pool
     * closed after such an error, anywhere in the causes.
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionState(sql) || evictedByThePool(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean connectionState(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * Hikari closes a connection that failed with a connection error; a rollback on it then fails with
     * this (no SQLSTATE) and Spring reports that failure instead of the first one.
     */
    private static boolean evictedByThePool(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
