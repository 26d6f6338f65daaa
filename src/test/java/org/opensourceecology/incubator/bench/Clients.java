package org.opensourceecology.incubator.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** HTTP helpers for the benchmark: Basic authentication, a signed-in browser session, a concurrent driver. */
final class Clients {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Clients() {}

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postJson(String url, String authorization, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> getJson(String url, String authorization) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String json(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A person signed in to the portal with the login form, as a browser: cookies kept, redirects followed. */
    static final class Session {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(cookies)
                .build();
        private final String base;

        Session(String base, String user, String password) throws Exception {
            this.base = base;
            var login = get("/login");
            var token = CSRF.matcher(login.body());
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on /login (" + login.statusCode() + ")");
            }
            var response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password="
                                    + encode(password) + "&_csrf=" + encode(token.group(1))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.uri().getPath().equals("/login")) {
                throw new IllegalStateException(
                        "login of " + user + " failed: " + response.statusCode() + " at " + response.uri());
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** POSTs JSON to the Camunda webapps' API with their CSRF header, as Tasklist does. */
        HttpResponse<String> postWebapp(String path, String json) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/hal+json, application/json; q=0.5")
                            .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(java.net.HttpCookie::getValue)
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new IllegalStateException("no cookie " + name));
        }
    }

    /** One unit of work for {@link #drive}: true when it succeeded. */
    interface Work<T> {
        boolean run(T item) throws Exception;
    }

    /** What {@link #drive} measured: completion times and latencies of the successful items. */
    record Run(int done, long failures, double seconds, double perSecond, long[] sortedLatencies, String firstError) {

        double percentileMs(double p) {
            return Stats.percentileMs(sortedLatencies, p);
        }

        /** Runs one after another as one: their items and latencies together, their measured times added. */
        static Run merge(List<Run> runs) {
            int done = runs.stream().mapToInt(Run::done).sum();
            double seconds = runs.stream().mapToDouble(Run::seconds).sum();
            long[] latencies = runs.stream()
                    .flatMapToLong(run -> Arrays.stream(run.sortedLatencies()))
                    .sorted()
                    .toArray();
            return new Run(
                    done,
                    runs.stream().mapToLong(Run::failures).sum(),
                    seconds,
                    done / seconds,
                    latencies,
                    runs.stream()
                            .map(Run::firstError)
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElse(null));
        }
    }

    /**
     * Works through {@code items} with {@code threads} threads; the first {@code warmUp} items completed
     * are not counted, the rate is the rest divided by the time from the end of the warm-up to the last
     * completion.
     */
    static <T> Run drive(List<T> items, int threads, int warmUp, Work<T> work) throws InterruptedException {
        var queue = new ConcurrentLinkedQueue<>(items);
        var completions = new ConcurrentLinkedQueue<long[]>();
        var failures = new AtomicLong();
        var firstError = new java.util.concurrent.atomic.AtomicReference<String>();
        var workers = new ArrayList<Thread>();
        long started = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            var worker = new Thread(() -> {
                T item;
                while ((item = queue.poll()) != null) {
                    long t0 = System.nanoTime();
                    try {
                        if (work.run(item)) {
                            long t1 = System.nanoTime();
                            completions.add(new long[] {t1, t1 - t0});
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (var worker : workers) {
            worker.join();
        }
        var done =
                completions.stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList();
        int skip = Math.min(warmUp, Math.max(0, done.size() - 1));
        var measured = done.subList(skip, done.size());
        long from = skip == 0 ? started : done.get(skip - 1)[0];
        double seconds = measured.isEmpty() ? Double.NaN : (measured.get(measured.size() - 1)[0] - from) / 1e9;
        long[] latencies = measured.stream().mapToLong(c -> c[1]).sorted().toArray();
        return new Run(
                measured.size(), failures.get(), seconds, measured.size() / seconds, latencies, firstError.get());
    }

    /** Latency samples of one request, sequential, after a warm-up. */
    static long[] sample(int warmUp, int n, Work<Integer> request) throws Exception {
        var samples = new long[n];
        for (int i = 0; i < warmUp + n; i++) {
            long t0 = System.nanoTime();
            if (!request.run(i)) {
                throw new IllegalStateException("request failed during sampling");
            }
            long t1 = System.nanoTime();
            if (i >= warmUp) {
                samples[i - warmUp] = t1 - t0;
            }
        }
        Arrays.sort(samples);
        return samples;
    }

    static final class Stats {
        private Stats() {}

        static double percentileMs(long[] sortedNanos, double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }
    }

    static void check(HttpResponse<?> response, int expected, String what) throws IOException {
        if (response.statusCode() != expected) {
            throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
