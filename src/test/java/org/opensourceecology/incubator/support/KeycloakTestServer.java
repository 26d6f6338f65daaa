package org.opensourceecology.incubator.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real Keycloak server for the whole test run, with the project's realm
 * ({@code config/keycloak/incubator-realm.json}) imported, on a free port; stopped when the JVM exits.
 *
 * <p>The server is {@code org.keycloak:keycloak-quarkus-dist} from Maven Central (a test dependency;
 * failsafe passes its path as {@code keycloak.dist.zip}). It is unpacked once into
 * {@code ${XDG_CACHE_HOME:-~/.cache}/incubator/keycloak-<version>-test} and reused, so only the first
 * start builds (augments) the server: up to 90 s on two cores, later starts about 10 to 20 s. Its
 * database is kept between runs and rebuilt when the realm file changes. The log is
 * {@code target/keycloak-test-server.log}.
 */
public class KeycloakTestServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(KeycloakTestServer.class);

    public static final String REALM = "incubator";
    /** Development values from the realm file. */
    public static final String CLIENT_ID = "incubator";

    public static final String CLIENT_SECRET = "incubator-local-development-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(360);
    private static final Path REALM_FILE = Path.of("config/keycloak/incubator-realm.json");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String url;

    /** Keycloak's base URL, e.g. http://localhost:41234; starts the server on first use. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    public static String issuer() {
        return url() + "/realms/" + REALM;
    }

    /**
     * Creates an enabled user with a complete profile (so Keycloak asks nothing more at the first login)
     * in a realm group, through Keycloak's admin REST API as the realm's admin does.
     *
     * @param group a group path, e.g. {@code /trainees}
     */
    public static void createUser(String username, String password, String firstName, String lastName, String group) {
        var user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "email",
                username + "@incubator.localhost",
                "emailVerified",
                true,
                "firstName",
                firstName,
                "lastName",
                lastName,
                "groups",
                List.of(group),
                "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false)));
        try {
            var request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/users"))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user)))
                    .build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "Keycloak did not create " + username + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the realm has a user of this user name (asked as the realm's admin). */
    public static boolean userExists(String username) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM
                            + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + adminToken())
                    .GET()
                    .build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak did not search users: " + response.statusCode());
            }
            return JSON.readTree(response.body()).size() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token of the realm's admin (realm-admin) from the admin-cli client. */
    private static String adminToken() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No admin token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "keycloak-test-server", Map.of("incubator.identity.keycloak.url", url())));
    }

    private static String start() {
        String version = System.getProperty("keycloak.version", "26.7.3");
        Path home = unpacked(version);
        Path logFile = Path.of("target", "keycloak-test-server.log").toAbsolutePath();
        int port = freePort();
        try {
            prepareRealm(home);
            Files.createDirectories(logFile.getParent());
            var builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port, "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            Instant started = Instant.now();
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-test-server-stop"));
            String base = "http://localhost:" + port;
            awaitRealm(process, base, logFile);
            log.info(
                    "Keycloak {} is up at {} after {} s (log: {})",
                    version,
                    base,
                    Duration.between(started, Instant.now()).toSeconds(),
                    logFile);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /** The distribution, unpacked once into the cache directory (atomically, by renaming). */
    private static Path unpacked(String version) {
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        Path cache = (cacheHome == null || cacheHome.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".cache")
                        : Path.of(cacheHome))
                .resolve("incubator");
        Path home = cache.resolve("keycloak-" + version + "-test");
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = distributionZip(version);
        try {
            Files.createDirectories(cache);
            Path tmp = Files.createTempDirectory(cache, "keycloak-unpack-");
            unzip(zip, tmp);
            try (Stream<Path> scripts = Files.list(tmp.resolve("keycloak-" + version + "/bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh"))
                        .forEach(p -> p.toFile().setExecutable(true));
            }
            Files.move(tmp.resolve("keycloak-" + version), home, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(tmp);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + home, e);
        }
    }

    private static Path distributionZip(String version) {
        String configured = System.getProperty("keycloak.dist.zip");
        Path zip = configured != null && !configured.isBlank() && !configured.startsWith("${")
                ? Path.of(configured)
                : Path.of(
                        System.getProperty("user.home"),
                        ".m2/repository/org/keycloak/keycloak-quarkus-dist",
                        version,
                        "keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ": it is a test dependency (org.keycloak:keycloak-quarkus-dist:zip); run the tests with Maven");
        }
        return zip;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Bad entry in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Puts the realm file into data/import. Keycloak skips a realm that exists, so its database is
     * dropped when the realm file differs from the one it was built from.
     */
    private static void prepareRealm(Path home) throws IOException {
        byte[] realm = Files.readAllBytes(REALM_FILE);
        String hash = sha256(realm);
        Path marker = home.resolve("data/realm.sha256");
        if (!Files.exists(marker) || !Files.readString(marker).equals(hash)) {
            deleteRecursively(home.resolve("data/h2"));
        }
        Files.createDirectories(home.resolve("data/import"));
        Files.write(home.resolve("data/import/incubator-realm.json"), realm);
        Files.writeString(marker, hash);
    }

    private static void awaitRealm(Process process, String base, Path logFile) {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(
                        URI.create(base + "/realms/" + REALM + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(logFile));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop(process);
        throw new IllegalStateException("Keycloak did not start within " + START_TIMEOUT + ":\n" + tail(logFile));
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
