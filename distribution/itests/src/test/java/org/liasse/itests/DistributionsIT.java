package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every partner assembly, run as a real process from its archive. */
class DistributionsIT {

    private static final long BOOT_TIMEOUT = 120_000;
    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;

    /**
     * The anonymous health answer, once it has the status wanted: the overall status only, no component. Until the API
     * is published, {@code /api} answers the 503 problem {@code serveur-demarre} instead of a health report.
     */
    private static Http.Reply awaitHealth(Distribution distribution, int status) {
        Http.Reply health = Await.until(distribution.partner() + " health " + status, BOOT_TIMEOUT,
            () -> distribution.http().get("/health"), r -> r.status() == status && !r.body().contains("serveur-demarre"));
        assertEquals(status == 200 ? "UP" : "DOWN", health.json().path("status").asText());
        assertTrue(health.json().path("components").isMissingNode(), "no detail for anonymous callers: " + health.body());
        return health;
    }

    /**
     * An API token, once the account can sign in: the identity component may start before its configuration is
     * delivered, and only creates the bootstrap administrator when it is restarted with it.
     */
    private static Http awaitToken(Distribution distribution, String login, String password) {
        return Await.until(login + " signs in", BOOT_TIMEOUT, () -> {
            try {
                return Http.token(distribution.httpPort(), login, password);
            } catch (AssertionError notYet) {
                return null;
            }
        }, java.util.Objects::nonNull);
    }

    @ParameterizedTest
    @CsvSource({"ministry, org.liasse.ministry.er, ER", "oph, org.liasse.oph.qdis, QDIS", "esh, org.liasse.esh.qdis, QDIS",
        "coop, org.liasse.coop.qdis, QDIS", "epl, org.liasse.epl.qdis, QDIS"})
    void eachDistributionBootsHealthyAndQuietWithItsPartnerPlugins(String partner, String plugin, String questionnaire)
        throws Exception {
        try (Distribution distribution = Distribution.unpack(partner, Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            distribution.start();
            Http.Reply health = awaitHealth(distribution, 200);
            assertEquals("UP", health.json().path("status").asText());
            Http admin = awaitToken(distribution, "admin", ADMIN_PASSWORD);
            JsonNode components = admin.get("/health").json().path("components");
            for (String component : List.of("database", "storage", "identity", "extender")) {
                assertEquals("UP", components.path(component).path("status").asText(), "an operator sees " + component);
            }

            JsonNode plugins = Await.until(plugin + " active", BOOT_TIMEOUT, () -> admin.get("/plugins").json(),
                list -> list != null && java.util.stream.StreamSupport.stream(list.spliterator(), false)
                    .anyMatch(p -> p.path("id").asText().equals(plugin))
                    && java.util.stream.StreamSupport.stream(list.spliterator(), false)
                    .allMatch(p -> "ACTIVE".equals(p.path("state").asText())));
            JsonNode own = java.util.stream.StreamSupport.stream(plugins.spliterator(), false)
                .filter(p -> p.path("id").asText().equals(plugin)).findFirst().orElseThrow();
            assertEquals(questionnaire, own.path("questionnaires").get(0).path("code").asText());
            assertEquals(0, admin.get("/organisations").json().size(), "demo mode is off by default");
            int ssh = Integer.parseInt(distribution.property("etc/org.apache.karaf.shell.cfg", "sshPort"));
            assertEquals(List.of("127.0.0.1"), Await.until("console listening", BOOT_TIMEOUT,
                () -> listeningAddresses(ssh), addresses -> !addresses.isEmpty()), "the console answers on loopback only");
            assertEquals(401, distribution.http().get("/organisations").status(), "nothing is open to anonymous callers");
            // Health was polled from the first second, as a supervisor would: the start-up log stays free of noise
            assertEquals(List.of(), distribution.logWarningsAndErrors(), "no WARN or ERROR line in the start-up log");
        }
    }

    @Test
    void demoDataAndSavedValuesSurviveARestart() throws Exception {
        try (Distribution ministry = Distribution.demo("ministry")) {
            Http operator = Http.token(ministry.httpPort(), "operateur.demo", DEMO_PASSWORD);
            JsonNode dossiers = operator.get("/organisations/000000018/dossiers").json();
            assertEquals(6, dossiers.size(), "the open 2025 dossier and the five past ones");
            long id = dossiers.get(0).path("id").asLong();
            assertEquals(2025, dossiers.get(0).path("year").asInt());
            Http user = Http.token(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
            String etag = user.get("/dossiers/" + id).etag();
            Http.Reply saved = user.patch("/dossiers/" + id + "/values", etag,
                "{\"values\":{\"BILAN.TRESO.MONTANT\":\"250000,75\",\"IDENT.NOM.VALEUR\":\"Camille Exemple\"}}");
            assertEquals(200, saved.status(), saved.body());
            String deep = "org.liasse.itests.profond";
            Files.write(ministry.home().resolve("deploy/" + deep + ".jar"), new PluginJar(deep, "1.0.0")
                .file("controls/profond.json", "{\"controls\": [{\"code\": \"PROFOND\", \"questionnaire\": \"ER\", "
                    + "\"severity\": \"error\", \"message\": \"m\",\n\"expression\": \"1" + "+1".repeat(1_990) + ">0\"}]}")
                .bytes());
            assertRefusedAsTooDeep(operator, deep);

            ministry.stop();
            ministry.start();
            awaitHealth(ministry, 200);
            assertRefusedAsTooDeep(Http.token(ministry.httpPort(), "operateur.demo", DEMO_PASSWORD), deep);

            Http relogged = Http.token(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
            Http.Reply reloaded = relogged.get("/dossiers/" + id);
            assertEquals(saved.etag(), reloaded.etag());
            assertEquals("250000.75", reloaded.json().path("values").path("BILAN.TRESO.MONTANT").asText());
            assertEquals("Camille Exemple", reloaded.json().path("values").path("IDENT.NOM.VALEUR").asText());
            assertEquals(2, relogged.get("/dossiers/" + id + "/history?cell=IDENT.NOM.VALEUR").json().size(),
                "the demo's value, then ours");
            Http operatorAgain = Http.token(ministry.httpPort(), "operateur.demo", DEMO_PASSWORD);
            assertEquals(3, operatorAgain.get("/organisations").json().size(), "demo data is not loaded twice");
            assertEquals(6, operatorAgain.get("/campaigns").json().size());
            assertEquals(6, operatorAgain.get("/organisations/000000018/dossiers").json().size());
        }
    }

    /**
     * A rule of 1,990 additions is refused where it is written, at hot deploy as at a cold start (where it is first
     * refused for naming ER, not loaded yet, then checked again once ER is).
     */
    private static void assertRefusedAsTooDeep(Http operator, String plugin) {
        JsonNode rejected = Await.until(plugin + " refused as too deep", BOOT_TIMEOUT,
            () -> operator.get("/plugins/" + plugin), reply -> reply.status() == 200
                && "REJECTED".equals(reply.json().path("state").asText())
                && reply.body().contains("trop profonde")).json();
        JsonNode location = rejected.path("problems").get(0).path("location");
        assertEquals("META-INF/liasse/controls/profond.json", location.path("file").asText(), rejected.toString());
        assertEquals(2, location.path("line").asInt(), rejected.toString());
        assertTrue(location.path("column").asInt() > 0, rejected.toString());
    }

    /** The IPv4 and IPv6 addresses a TCP port listens on, read from the kernel's socket tables (no traffic sent). */
    private static List<String> listeningAddresses(int port) {
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(java.nio.file.Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && fields[3].equals("0A") && fields[1].endsWith(":" + String.format("%04X", port))) {
                        addresses.add(address(fields[1].substring(0, fields[1].indexOf(':'))));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return addresses;
    }

    /** An address of /proc/net/tcp(6): hexadecimal, each 32-bit word little-endian. */
    private static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (4 - i) * 2), 16);
            }
        }
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nobody can sign in without a database: the anonymous answer says DOWN, without the components' details. */
    @Test
    void anUnreachableDatabaseGivesDownHealthAndProblemDocuments() throws Exception {
        try (Distribution ministry = Distribution.unpack("ministry", Map.of())) {
            ministry.setProperty("etc/org.ops4j.datasource-liasse.cfg", "url", "jdbc:derby:/proc/liasse-impossible/db;create=true");
            ministry.start();
            Http.Reply health = awaitHealth(ministry, 503);
            assertFalse(health.json().path("ready").asBoolean(), "nothing is ready without a database: " + health.body());

            Http.Reply data = ministry.http().send("GET", "/organisations", null, null, "LIASSE_SESSION=une-session");
            assertEquals(503, data.status());
            assertTrue(data.contentType().startsWith("application/problem+json"), data.contentType());
            assertEquals("service-indisponible", data.json().path("code").asText());
            assertFalse(data.body().contains("Exception"), data.body());
        }
    }
}
