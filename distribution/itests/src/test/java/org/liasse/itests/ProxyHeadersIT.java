package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS reverse proxy (configured in {@code etc/org.liasse.rest.cfg}): forwarded headers are believed from the
 * proxy only. The proxy's connections come from 127.0.0.2; the test plays it with a socket bound there, and plays a
 * client forging the same headers from 127.0.0.1.
 */
class ProxyHeadersIT {

    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String PROXY = "127.0.0.2";
    private static final int LIMIT = 30;
    private static Distribution ministry;

    @BeforeAll
    static void start() throws Exception {
        ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD));
        ministry.setProperty("etc/org.liasse.rest.cfg", "trusted.proxies", PROXY);
        ministry.setProperty("etc/org.liasse.rest.cfg", "public.writes.per.minute", Integer.toString(LIMIT));
        ministry.start();
        Await.until("health", 120_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
        Await.until("admin signs in", 120_000, () -> {
            try {
                return Http.token(ministry.httpPort(), "admin", ADMIN_PASSWORD);
            } catch (AssertionError notYet) {
                return null;
            }
        }, java.util.Objects::nonNull);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    @Test
    void forwardedHeadersAreBelievedFromTheProxyOnly() throws IOException {
        String forged = signIn("127.0.0.1", "198.51.100.66");
        assertTrue(forged.startsWith("HTTP/1.1 200"), forged);
        assertFalse(cookie(forged).contains("Secure"), "a client cannot claim HTTPS: " + cookie(forged));

        String proxied = signIn(PROXY, "203.0.113.7");
        assertTrue(proxied.startsWith("HTTP/1.1 200"), proxied);
        assertTrue(cookie(proxied).contains("; Secure"), "the proxy terminated TLS: " + cookie(proxied));

        String audit = Http.token(ministry.httpPort(), "admin", ADMIN_PASSWORD).get("/audit?limit=50").body();
        assertTrue(audit.contains("203.0.113.7"), "the client behind the proxy is recorded: " + audit);
        assertFalse(audit.contains("198.51.100.66"), "a forged address is never recorded");

        // Writes without signing in are limited per client address: the proxy's other clients are not held up.
        // (Twice the limit: the minute may turn once during the loop.)
        int refusedAt = 0;
        for (int i = 1; i <= 2 * LIMIT + 2 && refusedAt == 0; i++) {
            String answer = request("127.0.0.1", "198.51.100.66", "/api/v1/password-resets",
                "{\"identifier\":\"inconnu." + i + "@example.org\"}");
            if (answer.startsWith("HTTP/1.1 429")) {
                refusedAt = i;
                assertTrue(answer.contains("Retry-After") && answer.contains("trop-de-demandes"), answer);
            }
        }
        assertTrue(refusedAt > 0, "127.0.0.1 is limited to " + LIMIT + " a minute");
        String other = request(PROXY, "203.0.113.9", "/api/v1/password-resets", "{\"identifier\":\"x@example.org\"}");
        assertFalse(other.startsWith("HTTP/1.1 429"), other);
    }

    /** Signs in as admin over a connection from a local address, with forwarded headers; the raw answer. */
    private static String signIn(String from, String forwardedFor) throws IOException {
        return request(from, forwardedFor, "/api/v1/session",
            "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    }

    /** POSTs JSON over a connection from a local address, with forwarded headers; the raw answer. */
    private static String request(String from, String forwardedFor, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ministry.httpPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: liasse.example.org\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\nX-Forwarded-Proto: https\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String cookie(String answer) {
        return answer.lines().filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11)).findFirst().orElse("");
    }
}
