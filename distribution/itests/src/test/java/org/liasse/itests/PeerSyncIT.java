package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liasse.peer.Certificates;
import org.liasse.peer.PeerProtocol;
import org.openqa.selenium.WebElement;

/**
 * « Rapatrier » between two real distributions on loopback ports: the ministry (ER) and the OPH federation (QDIS).
 * Certificates are exchanged through configuration files, as operators do; the federation reaches the ministry
 * through a proxy that drops, duplicates, delays or alters requests. Covers consent and scope on the answering side,
 * an organisation that cannot pull another's data, unknown servers and expired certificates, a tampered answer, the
 * digests on both sides, idempotent re-runs, conflicts with local edits, the reverse direction, a plugin mapping to a
 * cell that does not exist, and a closed campaign or a dossier past data entry on the receiving side.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerSyncIT {

    private static final String SIREN = "000000018";
    private static final String OTHER = "000000026";
    private static final String PASSWORD = Distribution.DEMO_PASSWORD;

    private static Distribution ministry;
    private static Distribution oph;
    private static FaultyProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        CompletableFuture<Distribution> startingMinistry = CompletableFuture.supplyAsync(() -> demo("ministry"));
        oph = demo("oph");
        ministry = startingMinistry.join();
        proxy = new FaultyProxy(ministry.httpPort());
        Path ministryPem = certificate(ministry);
        Path ophPem = certificate(oph);
        register(ministry, "oph", "oph", ophPem, oph.httpPort(), "OPH");
        register(oph, "ministry", "ministry", ministryPem, proxy.port(), "");
        deploy(ministry, "org.liasse.itests.sync.er", "sync/federation.json", """
            { "sync": [ { "code": "QDIS_OPH", "title": "Questionnaire de la fédération des OPH",
                "questionnaire": "ER", "from": { "partner": "oph", "questionnaire": "QDIS" },
                "cells": [ { "from": "PATRIMOINE.PLAI.NOMBRE", "to": "PATRIMOINE.PLUS.NOMBRE" } ] } ] }
            """);
    }

    private static Distribution demo(String partner) {
        try {
            return Distribution.demo(partner, distribution -> distribution.setProperty("etc/org.liasse.demo.cfg",
                "questionnaires", "ministry".equals(partner) ? "ER" : "QDIS"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (ministry != null) {
            ministry.close();
        }
        if (oph != null) {
            oph.close();
        }
    }

    /** The server's certificate as its operator reads it, written to a file for the peer's operator. */
    private static Path certificate(Distribution server) throws IOException {
        JsonNode identity = Http.session(server.httpPort(), "operateur.demo", PASSWORD).get("/server").json()
            .path("identity");
        assertEquals(server.partner(), identity.path("partner").asText());
        Path file = Files.createTempFile(server.home(), "certificat-", ".pem");
        Files.writeString(file, identity.path("certificate").asText());
        return file;
    }

    private static void register(Distribution server, String name, String partner, Path certificate, int port,
                                 String federation) throws IOException {
        Path cfg = server.home().resolve("etc/org.liasse.peer-" + name + ".cfg");
        Files.writeString(cfg, "name = " + name + "\npartner = " + partner + "\nurl = http://localhost:" + port
            + "\nfederation = " + federation + "\ncertificate = " + certificate + "\n");
        Http operator = Http.session(server.httpPort(), "operateur.demo", PASSWORD);
        Await.until("peer " + name + " on " + server.partner(), 30_000, () -> operator.get("/server").json(),
            json -> json.path("peers").findValuesAsText("name").contains(name));
    }

    private static void deploy(Distribution server, String plugin, String file, String content) throws IOException {
        server.deploy(plugin + ".jar", new PluginJar(plugin, "1.0.0").file(file, content).bytes());
        Http operator = Http.session(server.httpPort(), "operateur.demo", PASSWORD);
        Await.until(plugin + " active", 60_000, () -> operator.get("/plugins/" + plugin), reply ->
            reply.status() == 200 && "ACTIVE".equals(reply.json().path("state").asText()));
    }

    private static long dossier(Http http, String siren, String questionnaire) {
        for (JsonNode d : http.get("/organisations/" + siren + "/dossiers").json()) {
            if (d.path("year").asInt() == 2025 && questionnaire.equals(d.path("questionnaireCode").asText())) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no " + questionnaire + " 2025 dossier for " + siren);
    }

    /** The button that grants or withdraws the consent to a peer on the exchanges page. */
    private static WebElement consentButton(Browser browser, String peer) {
        return browser.all("#autorisations button").stream().filter(button -> button.getText().endsWith(" " + peer))
            .findFirst().orElseThrow();
    }

    /** Grants a consent with the ETag of the organisation's consents, read just before. */
    private static Http.Reply consent(Http administrator, String siren, String peer) {
        String consents = "/organisations/" + siren + "/consents";
        return administrator.put(consents + "/" + peer, administrator.get(consents).etag(), "");
    }

    private static Http.Reply pull(Http http, long id, String peer, String query) {
        return http.post("/dossiers/" + id + "/syncs?serveur=" + peer + query, http.get("/dossiers/" + id).etag(), "");
    }

    private static String value(Http http, long id, String cell) {
        return http.get("/dossiers/" + id).json().path("values").path(cell).asText(null);
    }

    @Test
    @Order(1)
    void statementsAreBroughtInBetweenServersWithTheirGuarantees() throws Exception {
        Http ministryEntry = Http.session(ministry.httpPort(), "saisie.demo", PASSWORD);
        Http ophEntry = Http.session(oph.httpPort(), "saisie.demo", PASSWORD);
        Http ministryOperator = Http.session(ministry.httpPort(), "operateur.demo", PASSWORD);
        long er = dossier(ministryEntry, SIREN, "ER");
        long qdis = dossier(ophEntry, SIREN, "QDIS");
        assertEquals(200, Dossiers.save(ministryEntry, er, Map.of("CR.LOYERS.MONTANT", "1234567",
            "CR.CHARGES_RECUP.MONTANT", "2345")).status());

        // What the dossier can be filled from; the ministry answers only once the organisation consents.
        Http.Reply syncs = ophEntry.get("/dossiers/" + qdis + "/syncs");
        assertEquals(200, syncs.status(), syncs.body());
        JsonNode offers = syncs.json().path("offers");
        assertEquals("ministry", offers.get(0).path("peer").asText());
        assertEquals("ER_MINISTERE", offers.get(0).path("mapping").asText(), offers.toString());
        assertTrue(offers.get(0).path("cells").asInt() > 100, "the 14 shared fiches' entered cells: " + offers);
        Http.Reply refused = pull(ophEntry, qdis, "ministry", "");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("consentement-absent", refused.json().path("code").asText());
        Http administrator = Http.session(ministry.httpPort(), "AD_" + SIREN, PASSWORD);
        String consents = "/organisations/" + SIREN + "/consents";
        String read = administrator.get(consents).etag();
        assertEquals(428, administrator.put(consents + "/oph", null, "").status(),
            "a consent names what it was read on");
        assertEquals(200, administrator.put(consents + "/oph", read, "").status());
        Http.Reply stale = administrator.delete(consents + "/oph", read);
        assertEquals(412, stale.status(), stale.body());
        assertEquals("revision-perimee", stale.json().path("code").asText());
        assertEquals(1, administrator.get(consents).json().path("consents").size(), "the stale withdrawal changed nothing");

        // Through a proxy that drops, duplicates and delays: one atomic change, marked with its origin.
        proxy.mode(FaultyProxy.Mode.FAULTY);
        long before = ophEntry.get("/dossiers/" + qdis).json().path("revision").asLong();
        Http.Reply pulled = pull(ophEntry, qdis, "ministry", "");
        proxy.mode(FaultyProxy.Mode.FAITHFUL);
        assertEquals(200, pulled.status(), pulled.body());
        assertTrue(proxy.dropped.get() > 0 && proxy.duplicated.get() > 0);
        assertTrue(proxy.replays.stream().allMatch(replay -> replay.contains("requete-rejouee")),
            "each request delivered twice was refused the second time: " + proxy.replays);
        assertEquals("applique", pulled.json().path("outcome").asText());
        assertEquals(before + 1, pulled.json().path("revision").asLong());
        assertEquals(0, new BigDecimal("1234567").compareTo(new BigDecimal(value(ophEntry, qdis,
            "CR.LOYERS.MONTANT"))));
        assertEquals(0, new BigDecimal("2345").compareTo(new BigDecimal(value(ophEntry, qdis,
            "CR.CHARGES_RECUP.MONTANT"))));
        assertTrue(ophEntry.get("/dossiers/" + qdis + "/history?cell=CR.LOYERS.MONTANT").body()
            .contains("saisie.demo (rapatrié de ministry)"));

        // The same digest in both sync logs, acknowledged by the ministry.
        String transfer = pulled.json().path("transferId").asText();
        String digest = pulled.json().path("digest").asText();
        JsonNode received = ophEntry.get("/organisations/" + SIREN + "/syncs").json().get(0);
        assertEquals(transfer, received.path("transferId").asText());
        assertEquals(digest, received.path("digest").asText());
        JsonNode sent = null;
        for (JsonNode entry : ministryOperator.get("/syncs?serveur=oph").json()) {
            if (transfer.equals(entry.path("transferId").asText())) {
                assertEquals(null, sent, "one entry per transfer, duplicates included");
                sent = entry;
            }
        }
        assertEquals(digest, sent.path("digest").asText());
        assertEquals("acquitte", sent.path("result").asText(), sent.toString());

        // Re-running changes nothing; replaying the same transfer id does not apply it again.
        Http.Reply again = pull(ophEntry, qdis, "ministry", "");
        assertEquals("aucun-changement", again.json().path("outcome").asText(), again.body());
        assertEquals(before + 1, again.json().path("revision").asLong());
        assertEquals(digest, again.json().path("digest").asText());
        assertEquals("deja-applique", pull(ophEntry, qdis, "ministry", "&transfert=" + transfer).json()
            .path("outcome").asText());

        // A cell edited here since the last transfer is never overwritten silently.
        assertEquals(200, Dossiers.save(ophEntry, qdis, Map.of("CR.LOYERS.MONTANT", "1")).status());
        assertEquals(200, Dossiers.save(ministryEntry, er, Map.of("CR.LOYERS.MONTANT", "7654321")).status());
        Http.Reply conflict = pull(ophEntry, qdis, "ministry", "");
        assertEquals(409, conflict.status(), conflict.body());
        assertEquals("conflits-rapatriement", conflict.json().path("code").asText());
        assertEquals("CR.LOYERS.MONTANT", conflict.json().path("conflicts").get(0).path("cell").asText());
        assertEquals(0, new BigDecimal(value(ophEntry, qdis, "CR.LOYERS.MONTANT")).compareTo(
            BigDecimal.ONE));

        // An altered answer is detected: nothing written.
        proxy.mode(FaultyProxy.Mode.TAMPERING);
        long beforeTampering = ophEntry.get("/dossiers/" + qdis).json().path("revision").asLong();
        Http.Reply tampered = pull(ophEntry, qdis, "ministry", "&remplacer=true");
        proxy.mode(FaultyProxy.Mode.FAITHFUL);
        assertEquals(502, tampered.status(), tampered.body());
        assertEquals("reponse-alteree", tampered.json().path("code").asText());
        assertEquals(beforeTampering, ophEntry.get("/dossiers/" + qdis).json().path("revision").asLong());

        // The user chooses to replace.
        Http.Reply replaced = pull(ophEntry, qdis, "ministry", "&remplacer=true");
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(0, new BigDecimal(value(ophEntry, qdis, "CR.LOYERS.MONTANT")).compareTo(
            new BigDecimal("7654321")));

        // The reverse direction: the ministry's ER brings in the federation questionnaire's shared cell.
        assertEquals(200, Dossiers.save(ophEntry, qdis, Map.of("PATRIMOINE.PLAI.NOMBRE", "420")).status());
        assertEquals(403, pull(ministryEntry, er, "oph", "").status());
        assertEquals(200, consent(Http.session(oph.httpPort(), "AD_" + SIREN, PASSWORD), SIREN, "ministry").status());
        Http.Reply reverse = pull(ministryEntry, er, "oph", "");
        assertEquals(200, reverse.status(), reverse.body());
        assertEquals("420", value(ministryEntry, er, "PATRIMOINE.PLUS.NOMBRE"));
    }

    @Test
    @Order(2)
    void thePagesShowTheServerThePeersTheConsentsAndWhatATransferChanged() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + oph.httpPort())) {
            browser.signIn("operateur.demo", PASSWORD, "/operateur/organisations.html");
            browser.open("/echanges.html");
            assertTrue(browser.byId("certificat").getText().startsWith("-----BEGIN CERTIFICATE-----"));
            assertTrue(browser.byId("pairs").getText().contains("ministry"));
            assertTrue(browser.byId("echanges").getText().contains("applique"));
            browser.checkPage("60-echanges-operateur");
        }
        try (Browser browser = new Browser("http://localhost:" + oph.httpPort())) {
            browser.signIn("saisie.demo", PASSWORD, "/accueil.html");
            browser.open("/dossier/rapatriement.html?id=" + dossier(Http.session(oph.httpPort(), "saisie.demo", PASSWORD),
                SIREN, "QDIS"));
            browser.find("#sources button").click();
            browser.until(d -> browser.byId("sources-messages").getText().contains("dernier rapatriement"));
            browser.checkPage("61-rapatriement");
        }
        try (Browser browser = new Browser("http://localhost:" + ministry.httpPort())) {
            browser.signIn("AD_" + SIREN, PASSWORD, "/organisation/utilisateurs.html");
            browser.open("/echanges.html");
            browser.until(d -> browser.byId("autorisations").getText().contains("Autorisé par AD_" + SIREN));
            browser.checkPage("62-autorisations");
            // The page sends back the consents' ETag: withdrawing, then granting again, both go through.
            consentButton(browser, "oph").click();
            assertTrue(browser.message("autorisations-messages", "succes").contains("est retirée"));
            browser.until(d -> browser.byId("autorisations").getText().contains("Non autorisé"));
            consentButton(browser, "oph").click();
            browser.until(d -> browser.byId("autorisations-messages").getText().contains("est autorisé"));
            browser.until(d -> browser.byId("autorisations").getText().contains("Autorisé par AD_" + SIREN));
        }
    }

    @Test
    @Order(3)
    void noOrganisationReachesAnotherOnesDataAndStrangersAreRefused() throws Exception {
        Http ophEntry = Http.session(oph.httpPort(), "saisie.demo", PASSWORD);
        long otherQdis = dossier(Http.session(oph.httpPort(), "operateur.demo", PASSWORD), OTHER, "QDIS");
        Http.Reply notMember = pull(ophEntry, otherQdis, "ministry", "");
        assertEquals(403, notMember.status(), notMember.body());

        // Even with the consent, the OPH federation's server is never answered for an ESH.
        assertEquals(200, consent(Http.session(ministry.httpPort(), "AD_" + OTHER, PASSWORD), OTHER, "oph").status());
        Http otherEntry = Accounts.user(oph.httpPort(), Http.session(oph.httpPort(), "AD_" + OTHER, PASSWORD), OTHER,
            "saisie.esh", "RESPONSABLE_SAISIE");
        Http.Reply outOfScope = pull(otherEntry, otherQdis, "ministry", "");
        assertEquals(403, outOfScope.status(), outOfScope.body());
        assertEquals("hors-perimetre", outOfScope.json().path("code").asText());

        // An unknown server (with a name of 5,000 characters), then a registered one whose certificate expired.
        KeyPair keys = Certificates.newKeyPair();
        Http ministryOperator = Http.session(ministry.httpPort(), "operateur.demo", PASSWORD);
        int logged = ministryOperator.get("/syncs").json().size();
        for (int i = 0; i < 3; i++) {
            JsonNode stranger = signedCall("inconnu-" + "x".repeat(5_000), keys, Instant.now().toString(), "r-" + i, 401);
            assertEquals("serveur-inconnu", stranger.path("code").asText());
            assertFalse(stranger.toString().contains("xxxxx"), "nothing the stranger sent is echoed");
        }
        assertEquals(logged, ministryOperator.get("/syncs").json().size(), "strangers are counted, not stored");
        assertTrue(ministryOperator.get("/health").body().contains("3 demandes de serveurs non enregistrés refusées"),
            ministryOperator.get("/health").body());
        Instant now = Instant.now();
        Path expired = Files.createTempFile(ministry.home(), "perime-", ".pem");
        Files.writeString(expired, Certificates.pem(Certificates.selfSigned(keys, "perime", "epl",
            now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))));
        register(ministry, "perime", "epl", expired, oph.httpPort(), "EPL");
        assertEquals("certificat-expire", signedCall("perime", keys, Instant.now().toString(), "r-1", 401).path("code")
            .asText());
        JsonNode refusals = ministryOperator.get("/syncs").json();
        assertTrue(refusals.toString().contains("certificat-expire"), refusals.toString());

        // A registered server's signed request, replayed as it was: accepted once.
        KeyPair replayer = Certificates.newKeyPair();
        Path valid = Files.createTempFile(ministry.home(), "rejoue-", ".pem");
        Files.writeString(valid, Certificates.pem(Certificates.selfSigned(replayer, "rejoue", "oph",
            now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))));
        register(ministry, "rejoue", "oph", valid, oph.httpPort(), "OPH");
        String date = Instant.now().toString();
        JsonNode once = signedCall("rejoue", replayer, date, "r-rejoue", 0);
        assertFalse("requete-rejouee".equals(once.path("code").asText()), once.toString());
        assertEquals("requete-rejouee", signedCall("rejoue", replayer, date, "r-rejoue", 401).path("code").asText());

        // A plugin mapping to a cell that does not exist is refused with its location.
        deployRejected();

        // A closed campaign on the receiving side: clear error, nothing written.
        Http operator = Http.session(oph.httpPort(), "operateur.demo", PASSWORD);
        long qdis = dossier(ophEntry, SIREN, "QDIS");
        long revision = ophEntry.get("/dossiers/" + qdis).json().path("revision").asLong();
        assertEquals(200, operator.put("/campaigns/2025/state", operator.get("/campaigns/2025").etag(),
            "{\"state\":\"CLOSED\"}").status());
        Http.Reply closed = pull(ophEntry, qdis, "ministry", "&remplacer=true");
        assertEquals(409, closed.status(), closed.body());
        assertEquals("campagne-fermee", closed.json().path("code").asText());
        assertEquals(revision, ophEntry.get("/dossiers/" + qdis).json().path("revision").asLong());

        // A dossier past data entry on the receiving side: refused by the save rules, nothing written.
        Http ministryEntry = Http.session(ministry.httpPort(), "saisie.demo", PASSWORD);
        long er = dossier(ministryEntry, SIREN, "ER");
        Dossiers.enterCleanFiguresWithAWarning(ministryEntry, er);
        Http.Reply advanced = ministryEntry.post("/dossiers/" + er + "/workflow/advance",
            ministryEntry.get("/dossiers/" + er + "/workflow").etag(), "{}");
        assertEquals(200, advanced.status(), advanced.body());
        long erRevision = ministryEntry.get("/dossiers/" + er).json().path("revision").asLong();
        Http.Reply locked = pull(ministryEntry, er, "oph", "&remplacer=true");
        assertEquals(409, locked.status(), locked.body());
        assertEquals("dossier-protege", locked.json().path("code").asText());
        assertEquals(erRevision, ministryEntry.get("/dossiers/" + er).json().path("revision").asLong());
    }

    /**
     * A request to the ministry signed by the given server name and key, as a peer sends it, at a time and with a
     * request id; its status must be the one given (0: any).
     */
    private static JsonNode signedCall(String server, KeyPair keys, String date, String requestId, int status)
        throws Exception {
        byte[] body = ("{\"transferId\":\"essai-0001\",\"siren\":\"" + SIREN + "\",\"year\":2025,"
            + "\"questionnaire\":\"ER\",\"cells\":[\"CR.LOYERS.MONTANT\"],\"actor\":\"x\"}").getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/peer/transfers";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + ministry.httpPort() + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        PeerProtocol.headers(server, date, requestId, PeerProtocol.sign(keys.getPrivate(),
            PeerProtocol.requestText("POST", path, date, requestId, body))).forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
            HttpResponse.BodyHandlers.ofString());
        if (status != 0) {
            assertEquals(status, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        return new ObjectMapper().readTree(response.body());
    }

    private static void deployRejected() throws IOException {
        String plugin = "org.liasse.itests.sync.invalide";
        ministry.deploy(plugin + ".jar", new PluginJar(plugin, "1.0.0").file("sync/faux.json", """
            { "sync": [ { "code": "FAUX", "title": "Faux", "questionnaire": "ER",
                "from": { "partner": "oph", "questionnaire": "QDIS" },
                "cells": [ { "from": "CR.LOYERS.MONTANT", "to": "CR.DISPARUE.MONTANT" } ] } ] }
            """).bytes());
        Http operator = Http.session(ministry.httpPort(), "operateur.demo", PASSWORD);
        JsonNode rejected = Await.until(plugin + " rejected", 60_000, () -> operator.get("/plugins/" + plugin),
            reply -> reply.status() == 200 && "REJECTED".equals(reply.json().path("state").asText())).json();
        assertTrue(rejected.toString().contains("META-INF/liasse/sync/faux.json")
            && rejected.toString().contains("cellule inconnue « CR.DISPARUE.MONTANT »"), rejected.toString());
    }
}
