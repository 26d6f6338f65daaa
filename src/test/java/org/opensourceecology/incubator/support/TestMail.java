package org.opensourceecology.incubator.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One GreenMail SMTP server for the whole test run, on a free port; integration contexts send their
 * mail to it. Tests read it with {@link #server()} and may stop and start it to simulate an outage.
 */
public class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final int PORT = freePort();
    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Stops the SMTP server; mail queued meanwhile must wait in the outbox. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static int port() {
        return PORT;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        server();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "greenmail",
                        Map.of(
                                "spring.mail.host", "127.0.0.1",
                                "spring.mail.port", String.valueOf(PORT),
                                // as in prod: a real SMTP server is configured, so its health is checked
                                "management.health.mail.enabled", "true",
                                "incubator.mail.dispatch-interval", "PT0.2S",
                                "incubator.mail.initial-backoff", "PT0.5S")));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
