package org.opensourceecology.incubator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser on the portal of a test's application with local users: its own cookies (session), no
 * redirects followed (tests assert them), English pages, and form posts that carry the CSRF token of
 * the page the form is on, as a person's browser would.
 */
public final class PortalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public PortalClient(int port) {
        this.port = port;
    }

    /** Logs in through the portal's login form with the password {@link TestUsers} gives. */
    public PortalClient login(String userId) {
        var response = postForm("/login", "/login", Map.of("username", userId, "password", TestUsers.password(userId)));
        assertThat(response.statusCode()).as("login of " + userId).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .header("Accept-Language", "en")
                .GET());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .GET());
    }

    /** Submits a form found on {@code pagePath} to {@code actionPath}, with that page's CSRF token. */
    public HttpResponse<String> postForm(String pagePath, String actionPath, Map<String, String> fields) {
        var token = CSRF.matcher(get(pagePath).body());
        assertThat(token.find()).as("CSRF token on " + pagePath).isTrue();
        var body = new HashMap<>(fields);
        body.put("_csrf", token.group(1));
        String form = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(actionPath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A JSON request to the API ({@code /api/**} takes JSON bodies and needs no CSRF token). */
    public HttpResponse<String> sendJson(String method, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request with its own headers, e.g. Accept-Language or the Camunda webapps' X-XSRF-TOKEN. */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** The value of a cookie this browser holds (the language cookie, Camunda's XSRF-TOKEN). */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
