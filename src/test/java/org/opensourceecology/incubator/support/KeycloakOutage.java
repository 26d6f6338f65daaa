package org.opensourceecology.incubator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak as an application sees it during an outage and after it: an address of its own on this
 * machine ({@link #url()}) where nothing listens while the outage lasts, so every connection is refused
 * as with a stopped server, and which leads to the real {@link KeycloakTestServer} once it is over.
 *
 * <p>Keycloak's development mode builds its URLs and its tokens' issuer from the request's Host header,
 * so an application configured with this address signs people on at the real realm as if Keycloak ran
 * here. The shared server itself keeps running: other Keycloak tests in the same JVM, before or after,
 * are not disturbed, and no test waits for Keycloak to start again.
 */
public final class KeycloakOutage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakOutage.class);

    private final int port;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        var thread = new Thread(task, "keycloak-outage-forwarder");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket listener;

    private KeycloakOutage(int port) {
        this.port = port;
    }

    /** Keycloak is down from the start: nothing listens at {@link #url()} until {@link #end()}. */
    public static KeycloakOutage begun() {
        try (var socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return new KeycloakOutage(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's base URL for the application under test. */
    public String url() {
        return "http://localhost:" + port;
    }

    public synchronized boolean isOngoing() {
        return listener == null;
    }

    /** Keycloak answers again at {@link #url()} (the real server is started if it is not running yet). */
    public synchronized void end() {
        if (listener != null) {
            return;
        }
        URI target = URI.create(KeycloakTestServer.url());
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port + " again", e);
        }
        var accepting = listener;
        threads.execute(() -> accept(accepting, target.getHost(), target.getPort()));
    }

    /** Keycloak goes down: new connections are refused and open ones are cut. */
    public synchronized void begin() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        connections.forEach(KeycloakOutage::closeQuietly);
        connections.clear();
    }

    @Override
    public void close() {
        begin();
        threads.shutdownNow();
    }

    private void accept(ServerSocket accepting, String host, int targetPort) {
        while (!accepting.isClosed()) {
            try {
                Socket client = accepting.accept();
                connections.add(client);
                Socket upstream = new Socket(host, targetPort);
                connections.add(upstream);
                var directionsOpen = new AtomicInteger(2);
                threads.execute(() -> pipe(client, upstream, directionsOpen));
                threads.execute(() -> pipe(upstream, client, directionsOpen));
            } catch (IOException e) {
                if (!accepting.isClosed()) {
                    log.warn("Forwarding to Keycloak failed: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * Copies one direction until its end and passes the end on; the second direction to finish closes
     * both sockets. An error (the outage began, or one side reset) ends the whole connection, as a
     * stopped server would.
     */
    private void pipe(Socket from, Socket to, AtomicInteger directionsOpen) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
            if (directionsOpen.decrementAndGet() == 0) {
                disconnect(from, to);
            }
        } catch (IOException e) {
            disconnect(from, to);
        }
    }

    private void disconnect(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
        connections.remove(one);
        connections.remove(other);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("Closing {} failed: {}", closeable, e.getMessage());
        }
    }
}
