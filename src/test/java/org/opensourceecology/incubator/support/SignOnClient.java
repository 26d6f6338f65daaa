package org.opensourceecology.incubator.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser for sign-on flows: it follows redirects, keeps cookies, and
 * fills in HTML login forms. Like browsers, it sends {@code Secure} cookies to loopback hosts over plain
 * http (Keycloak sets {@code Secure; SameSite=None} even over http; Java's cookie store drops such
 * cookies otherwise).
 */
public final class SignOnClient {

    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final LoopbackCookies cookies = new LoopbackCookies();
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .GET());
    }

    public HttpResponse<String> getJson(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .GET());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts with extra headers, e.g. the Camunda webapps' CSRF header. */
    public HttpResponse<String> post(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request);
    }

    /** The value of a cookie the browser holds, e.g. Camunda's XSRF-TOKEN. */
    public String cookie(String name) {
        return cookies.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    /** Whether the page is Keycloak's login form (the person is not signed on). */
    public static boolean isKeycloakLogin(HttpResponse<String> page) {
        return LOGIN_FORM.matcher(page.body()).find();
    }

    /**
     * Opens {@code url}, which must lead to Keycloak's login page, and submits the login form with the
     * given credentials, as a person would. Returns the page the flow ends on.
     */
    public HttpResponse<String> logInThrough(String url, String username, String password) {
        HttpResponse<String> loginPage = get(url);
        var form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new AssertionError("Expected Keycloak's login form at " + loginPage.uri() + " (status "
                    + loginPage.statusCode() + ")");
        }
        var fields = new LinkedHashMap<String, String>();
        var hidden = HIDDEN_INPUT.matcher(loginPage.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        fields.put("username", username);
        fields.put("password", password);
        String action = loginPage.uri().resolve(unescape(form.group(1))).toString();
        return postForm(action, fields);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    /** Accepts all cookies and treats loopback hosts as secure, as browsers do. */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(asSecureIfLoopback(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(asSecureIfLoopback(uri), responseHeaders);
        }

        private static URI asSecureIfLoopback(URI uri) {
            String host = uri.getHost();
            boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
            if (!loopback || !"http".equals(uri.getScheme())) {
                return uri;
            }
            try {
                return new URI("https", uri.getUserInfo(), host, uri.getPort(), uri.getPath(), uri.getQuery(), null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
