package org.opensourceecology.incubator.process.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensourceecology.incubator.identity.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist in the person's language beyond its own screens: the Camunda Forms it renders, the task
 * names and descriptions and the process names it lists. Tasklist fetches all of them from the engine
 * API ({@code /camunda/api/engine/engine/<name>/…}, the same resources as {@code /engine-rest/…}):
 * {@code task/<id>/deployed-form} and {@code process-definition/…/deployed-start-form} for forms,
 * {@code filter/<id>/list}, {@code task} and {@code task/<id>} for tasks, {@code filter} for the saved
 * filters' names, {@code process-definition} for the start dialog. Camunda 7 has no extension point to
 * localise these, so this filter rewrites their JSON answers ({@link EngineApiTranslations}).
 *
 * <p>Tasklist sends a task back whole to change its due or follow-up date ({@code PUT task/<id>}); a
 * translated name or description in it is put back to the English one before Camunda stores it.
 *
 * <p>On the webapps' engine API only requests from Tasklist's pages are translated (by their
 * {@code Referer}): Cockpit and Admin keep Camunda's names, as their diagrams and plugin views do.
 *
 * <p>The language is the portal's: the cookie its language switcher sets, else the browser's
 * {@code Accept-Language} (the portal's {@link LocaleResolver}, which is also how Tasklist's own screens
 * pick their language). English answers pass through untouched and unbuffered; so do errors and
 * anything that does not parse as JSON.
 */
class EngineApiTranslationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineApiTranslationFilter.class);

    static final String WEBAPP_ENGINE_API = "/camunda/api/engine/";
    static final String TASKLIST = "/camunda/app/tasklist/";

    /** The engine API of the webapps and the REST API, and the resource path after it. */
    static final Pattern ENGINE_API =
            Pattern.compile("^(?:/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)(/.*)$");

    static final Pattern FORM = Pattern.compile("^/(?:task/[^/]+/deployed-form"
            + "|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/deployed-start-form)$");

    static final Pattern TASKS_AND_PROCESSES = Pattern.compile("^/(?:task|task/(?!count$|report$)[^/]+"
            + "|filter|filter/(?!count$)[^/]+|filter/[^/]+/(?:list|singleResult)"
            + "|process-definition|process-definition/(?!count$)[^/]+|process-definition/key/[^/]+"
            + "|process-definition/key/[^/]+/tenant-id/[^/]+)$");

    /** Tasklist's update of a task (a new due or follow-up date), which sends the whole task back. */
    static final Pattern TASK_UPDATE = Pattern.compile("^/task/([^/]+)$");

    enum Kind {
        FORM,
        TASKS_AND_PROCESSES,
        TASK_UPDATE
    }

    private final EngineApiTranslations translations;
    private final ObjectProvider<LocaleResolver> localeResolver;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    EngineApiTranslationFilter(EngineApiTranslations translations, ObjectProvider<LocaleResolver> localeResolver) {
        this.translations = translations;
        this.localeResolver = localeResolver;
    }

    /** What kind of answer this request gets, or null when it is not one this filter translates. */
    static Kind kind(String method, String path) {
        Matcher api = ENGINE_API.matcher(path);
        if (!api.matches()) {
            return null;
        }
        String resource = api.group(1);
        if ("PUT".equals(method)) {
            return TASK_UPDATE.matcher(resource).matches() ? Kind.TASK_UPDATE : null;
        }
        if (!"GET".equals(method) && !"POST".equals(method)) {
            return null;
        }
        if ("GET".equals(method) && FORM.matcher(resource).matches()) {
            return Kind.FORM;
        }
        return TASKS_AND_PROCESSES.matcher(resource).matches() ? Kind.TASKS_AND_PROCESSES : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return kind(request.getMethod(), pathWithinApplication(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathWithinApplication(request);
        Kind kind = kind(request.getMethod(), path);
        if (kind == Kind.TASK_UPDATE) {
            chain.doFilter(untranslated(request, path), response);
            return;
        }
        response.addHeader(
                HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE + ", " + HttpHeaders.REFERER);
        Locale language = language(request);
        if (kind == null || language.equals(Languages.FALLBACK) || !forTasklistOrRestClient(request, path)) {
            chain.doFilter(request, response);
            return;
        }
        var buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
            if (buffered.getStatus() == HttpServletResponse.SC_OK && isJson(buffered.getContentType())) {
                byte[] translated = translate(kind, buffered.getContentAsByteArray(), language, request);
                if (translated != null) {
                    buffered.resetBuffer();
                    buffered.getOutputStream().write(translated);
                    buffered.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
                }
            }
        } finally {
            buffered.copyBodyToResponse();
        }
    }

    /** The task update with the task's English name and description where it sent back a translation. */
    private HttpServletRequest untranslated(HttpServletRequest request, String path) throws IOException {
        Matcher api = ENGINE_API.matcher(path);
        Matcher task = api.matches() ? TASK_UPDATE.matcher(api.group(1)) : null;
        byte[] body = request.getInputStream().readAllBytes();
        byte[] sent = body;
        if (task != null && task.matches() && body.length > 0) {
            try {
                JsonNode update = json.readTree(body);
                if (translations.untranslateTaskUpdate(task.group(1), update)) {
                    sent = json.writeValueAsBytes(update);
                }
            } catch (IOException e) {
                log.debug("{} {}: not JSON, sent as it is", request.getMethod(), request.getRequestURI(), e);
            }
        }
        return new RequestWithBody(request, sent);
    }

    /** The translated body, or null to send the original. */
    private byte[] translate(Kind kind, byte[] body, Locale language, HttpServletRequest request) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = json.readTree(body);
            JsonNode result = kind == Kind.FORM
                    ? translations.form(tree, language)
                    : translations.tasksAndProcesses(tree, language);
            return json.writeValueAsBytes(result);
        } catch (IOException e) {
            log.debug("{} {}: not JSON, sent as it is", request.getMethod(), request.getRequestURI(), e);
            return null;
        }
    }

    /**
     * The webapps' engine API serves Cockpit and Admin as well, which show Camunda's own names beside
     * the diagrams' English labels and their own views' (from their plugin APIs): only Tasklist's pages
     * get translations there. The REST API translates for any client that asks for a language.
     */
    static boolean forTasklistOrRestClient(HttpServletRequest request, String path) {
        if (!path.startsWith(WEBAPP_ENGINE_API)) {
            return true;
        }
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return false;
        }
        try {
            String page = URI.create(referer).getPath();
            return page != null && page.startsWith(request.getContextPath() + TASKLIST);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private Locale language(HttpServletRequest request) {
        LocaleResolver resolver = localeResolver.getIfAvailable();
        Locale locale = resolver == null
                ? Languages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                : resolver.resolveLocale(request);
        return Languages.supported(locale);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The request with another body (read once here, so it is given again to what follows). */
    static final class RequestWithBody extends HttpServletRequestWrapper {

        private final byte[] body;

        RequestWithBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    ? String.valueOf(body.length)
                    : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(String.valueOf(body.length)))
                    : super.getHeaders(name);
        }
    }
}
