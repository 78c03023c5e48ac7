package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

/**
 * Transmission on the real ministry assembly in demo mode, over real HTTP: the recipients registry and the versioned
 * matrix with their refusals, an organisation's effective recipients and choices, signing at the « Signé » step
 * (PAdES PDF and CAdES data file with a timestamp from the platform's own RFC 3161 authority), verification of the
 * signed files and of altered copies, then transmission to six recipients through four real channels: folder drops,
 * a real SFTP server (Apache MINA SSHD) that is down at first, a real HTTP receiver and a real SMTP server
 * (GreenMail). The unreachable recipient is retried, shown failed, then re-delivered once it is up; re-delivery never
 * gives a recipient a second copy. The pages are then checked in Chromium with axe.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransmissionIT {

    private static final String SIREN = "000000026";
    private static final String MAIL_TO = "ministere.essai@example.org";

    private static Distribution platform;
    private static Http operator;
    private static Http manager;
    private static Http entry;
    private static long dossier;
    private static GreenMail mail;
    private static HttpServer receiver;
    private static final List<String> receivedKeys = new CopyOnWriteArrayList<>();
    private static final Map<String, String> receipts = new ConcurrentHashMap<>();
    private static SshServer sftp;
    private static int sftpPort;
    private static Path sftpRoot;
    private static KeyPair sftpKey;
    private static byte[] signedPdf;

    @BeforeAll
    static void start() throws Exception {
        mail = new GreenMail(new ServerSetup(Distribution.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/recu", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            receivedKeys.add(key);
            // The receiver keeps one copy per key and answers the same receipt to a repeated delivery.
            byte[] body = ("{\"receipt\":\"" + receipts.computeIfAbsent(key, k -> "AR-" + (receipts.size() + 1)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        sftpKey = generator.generateKeyPair();
        sftpPort = Distribution.freePort();
        sftpRoot = Files.createTempDirectory("liasse-sftp-");
        Files.createDirectory(sftpRoot.resolve("depots"));

        platform = Distribution.demo("ministry", distribution -> {
            distribution.setProperty("etc/org.liasse.outbox.cfg", "poll.seconds", "1");
            distribution.setProperty("etc/org.liasse.outbox.cfg", "backoff.seconds", "1");
            distribution.setProperty("etc/org.liasse.outbox.cfg", "max.attempts", "3");
            distribution.setProperty("etc/org.liasse.mail.cfg", "host", "127.0.0.1");
            distribution.setProperty("etc/org.liasse.mail.cfg", "port", Integer.toString(mail.getSmtp().getPort()));
        });
        int port = platform.httpPort();
        operator = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
        Http administrator = Http.token(port, "AD_" + SIREN, Distribution.DEMO_PASSWORD);
        manager = Accounts.user(port, administrator, SIREN, "chef.transmission", "RESPONSABLE_HIERARCHIQUE");
        entry = Accounts.user(port, administrator, SIREN, "saisie.transmission", "RESPONSABLE_SAISIE");
        dossier = dossierOf(SIREN);
        Await.until("demo recipients", 60_000, () -> operator.get("/recipients").json().path("recipients").size(),
            size -> size >= 9);
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (sftp != null) {
            sftp.stop();
        }
        receiver.stop(0);
        mail.stop();
    }

    private static long dossierOf(String siren) {
        for (JsonNode d : operator.get("/organisations/" + siren + "/dossiers").json()) {
            if (d.path("year").asInt() == 2025 && d.path("questionnaireCode").asText().equals("ER")) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no 2025 ER dossier for " + siren);
    }

    private static Map<String, Object> recipient(String code, String kind, String channel, Map<String, String> settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Destinataire d'essai " + code + " (FICTIF)");
        body.put("kind", kind);
        body.put("territory", "");
        body.put("channel", channel);
        body.put("settings", settings);
        return body;
    }

    private static Map<String, String> sftpSettings() {
        return Map.of("host", "127.0.0.1", "port", Integer.toString(sftpPort), "username", "depot",
            "password", "Secret-Depot-2025", "directory", "/depots",
            "hostKey", KeyUtils.getFingerPrint(BuiltinDigests.sha256, sftpKey.getPublic()));
    }

    private static Map<String, Object> rule(String target, String kind, List<String> types) {
        return Map.of("questionnaire", "ER", "target", target, "rule", kind, "organisationTypes", types);
    }

    private static JsonNode effective(Http http, long id) {
        Http.Reply reply = http.get("/dossiers/" + id + "/recipients");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonNode target(JsonNode effective, String target) {
        for (JsonNode recipient : effective) {
            if (recipient.path("target").asText().equals(target)) {
                return recipient;
            }
        }
        return null;
    }

    private static String advance(Http http) {
        return Dossiers.advance(http, dossier);
    }

    private static JsonNode verify(byte[] file) {
        Http.Reply reply = manager.upload("POST", "/signatures/verify", "application/octet-stream", file, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** The events of the organisation's audit log of one action, as its administrator reads them. */
    private static List<JsonNode> audit(String action) {
        Http.Reply reply = Http.token(platform.httpPort(), "AD_" + SIREN, Distribution.DEMO_PASSWORD)
            .get("/audit/organisations/" + SIREN + "?limit=500");
        assertEquals(200, reply.status(), reply.body());
        List<JsonNode> entries = new ArrayList<>();
        reply.json().forEach(e -> {
            if (e.path("event").path("action").asText().equals(action)) {
                entries.add(e.path("event"));
            }
        });
        return entries;
    }

    private static JsonNode deliveries() {
        return manager.get("/dossiers/" + dossier + "/deliveries").json();
    }

    private static JsonNode delivery(String recipient) {
        for (JsonNode delivery : deliveries()) {
            if (delivery.path("recipientCode").asText().equals(recipient)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery to " + recipient);
    }

    private static JsonNode awaitStatus(String recipient, String status) {
        return Await.until(recipient + " " + status, 60_000, () -> delivery(recipient),
            d -> d.path("status").asText().equals(status));
    }

    @Test
    @Order(1)
    void operatorsKeepTheRegistryAndAVersionedMatrixAndBadInputIsRefused() {
        Http.Reply invalid = operator.post("/recipients", Dossiers.json(recipient("sftp essai", "NATIONAL", "sftp",
            Map.of("host", "127.0.0.1"))));
        assertEquals(422, invalid.status(), invalid.body());
        assertEquals("destinataire-invalide", invalid.json().path("code").asText());
        List<String> fields = invalid.json().path("errors").findValuesAsText("field");
        assertTrue(fields.contains("code") && fields.contains("settings"), invalid.body());

        Http.Reply created = operator.post("/recipients", Dossiers.json(recipient("SFTP-ESSAI", "NATIONAL", "sftp",
            sftpSettings())));
        assertEquals(201, created.status(), created.body());
        assertEquals("", created.json().path("settings").path("password").asText(), "secrets are never returned");
        assertEquals(409, operator.post("/recipients", Dossiers.json(recipient("SFTP-ESSAI", "NATIONAL", "sftp",
            sftpSettings()))).json().path("status").asInt(), "the code is taken");
        Http.Reply stale = operator.put("/recipients/SFTP-ESSAI", "\"7\"", Dossiers.json(recipient("SFTP-ESSAI",
            "NATIONAL", "sftp", sftpSettings())));
        assertEquals("destinataire-modifie", stale.json().path("code").asText(), stale.body());
        assertEquals(201, operator.post("/recipients", Dossiers.json(recipient("HTTPS-ESSAI", "OTHER", "https",
            Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/recu")))).status());
        assertEquals(201, operator.post("/recipients", Dossiers.json(recipient("MAIL-ESSAI", "OTHER", "email",
            Map.of("to", MAIL_TO)))).status());
        assertEquals(403, manager.get("/recipients").status(), "organisations do not see the registry");

        Http.Reply matrix = operator.get("/campaigns/2025/matrix");
        assertEquals(200, matrix.status(), matrix.body());
        long version = matrix.json().path("version").asLong();
        assertEquals(5, matrix.json().path("rules").size(), "the demo matrix");
        List<Object> rules = new ArrayList<>();
        matrix.json().path("rules").forEach(r -> rules.add(rule(r.path("target").asText(), r.path("rule").asText(),
            List.of())));
        rules.add(rule("SFTP-ESSAI", "MANDATORY", List.of()));
        rules.add(rule("HTTPS-ESSAI", "ALLOWED", List.of("ESH")));
        rules.add(rule("MAIL-ESSAI", "ALLOWED", List.of()));
        Http.Reply old = operator.put("/campaigns/2025/matrix", "\"" + (version - 1) + "\"",
            Dossiers.json(Map.of("rules", rules)));
        assertEquals(409, old.status(), old.body());
        assertEquals("matrice-modifiee", old.json().path("code").asText());
        List<Object> unknown = new ArrayList<>(rules);
        unknown.add(rule("INCONNU", "MANDATORY", List.of()));
        Http.Reply bad = operator.put("/campaigns/2025/matrix", matrix.etag(), Dossiers.json(Map.of("rules", unknown)));
        assertEquals(422, bad.status(), bad.body());
        assertEquals("matrice-invalide", bad.json().path("code").asText());
        Http.Reply saved = operator.put("/campaigns/2025/matrix", matrix.etag(), Dossiers.json(Map.of("rules", rules)));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(version + 1, saved.json().path("version").asLong());
        assertEquals(2, operator.get("/campaigns/2025/matrix/history").json().size(), "both versions are kept");
    }

    @Test
    @Order(2)
    void anOrganisationSeesItsEffectiveRecipientsAndTicksTheAllowedOnes() throws Exception {
        JsonNode mine = effective(manager, dossier);
        assertEquals("PREF-33", target(mine, "PREFET_DEPARTEMENT").path("recipientCode").asText(),
            "the prefect of the organisation's département");
        assertEquals("FED-ESH", target(mine, "FEDERATION").path("recipientCode").asText());
        assertEquals("MANDATORY", target(mine, "SFTP-ESSAI").path("rule").asText());
        assertTrue(target(mine, "SFTP-ESSAI").path("chosen").asBoolean());
        assertFalse(target(mine, "HTTPS-ESSAI").path("chosen").asBoolean(), "allowed: not ticked yet");
        assertTrue(target(effective(operator, dossierOf("000000018")), "HTTPS-ESSAI") == null,
            "the rule applies to ESH organisations only");

        Http.Reply untick = Dossiers.choose(manager, dossier, "SFTP-ESSAI", false);
        assertEquals(422, untick.status(), untick.body());
        assertEquals("destinataire-obligatoire", untick.json().path("code").asText());
        Http.Reply forbidden = Dossiers.choose(manager, dossier, "INCONNU", true);
        assertEquals("destinataire-interdit", forbidden.json().path("code").asText(), forbidden.body());
        assertEquals(403, entry.put("/dossiers/" + dossier + "/recipients/HTTPS-ESSAI", null, "{\"chosen\":true}")
            .status(), "ticking needs the right to transmit");
        String read = manager.get("/dossiers/" + dossier + "/recipients").etag();
        assertEquals(428, manager.put("/dossiers/" + dossier + "/recipients/HTTPS-ESSAI", null, "{\"chosen\":true}")
            .status(), "a tick names the choices it was made on");
        for (String chosen : List.of("HTTPS-ESSAI", "MAIL-ESSAI")) {
            Http.Reply ticked = Dossiers.choose(manager, dossier, chosen, true);
            assertEquals(200, ticked.status(), ticked.body());
            assertTrue(target(ticked.json(), chosen).path("chosen").asBoolean());
        }
        Http.Reply stale = manager.put("/dossiers/" + dossier + "/recipients/MAIL-ESSAI", read, "{\"chosen\":false}");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("revision-perimee", stale.json().path("code").asText());
        assertTrue(target(effective(manager, dossier), "MAIL-ESSAI").path("chosen").asBoolean(),
            "a tick on choices read before others' is refused");

        // The page sends back the choices' ETag: unticking (confirmed), then ticking again, both go through.
        try (Browser browser = new Browser("http://localhost:" + platform.httpPort())) {
            browser.signIn("chef.transmission", Accounts.PASSWORD, "/accueil.html");
            browser.open("/dossier/transmission.html?id=" + dossier);
            for (String said : List.of("ne recevra pas la déclaration", "» recevra la déclaration")) {
                WebElement label = browser.until(d -> browser.all("#destinataires label").stream()
                    .filter(l -> l.getText().contains("MAIL-ESSAI")).findFirst().orElse(null));
                browser.byId(label.getDomAttribute("for")).click();
                if (said.startsWith("ne recevra")) {
                    browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
                    browser.byId("confirmation-oui").click();
                }
                browser.until(d -> browser.byId("destinataires-messages").getText().contains(said));
            }
        }
        assertTrue(target(effective(manager, dossier), "MAIL-ESSAI").path("chosen").asBoolean());
    }

    @Test
    @Order(3)
    void signingProducesTimestampedSignaturesThatDetectAnyAlteredByte() throws IOException {
        Dossiers.enterCleanFiguresWithAWarning(manager, dossier);
        assertEquals("VERIFIE", advance(manager));
        assertEquals("VALIDE", advance(manager));
        assertEquals("FIABILISE", advance(manager));
        assertEquals(0, manager.get("/dossiers/" + dossier + "/statements").json().size());
        for (String[] refused : new String[][] {{"cachet-expire", "expire", "certificat-expire"},
                                                {"cachet-revoque", "revoque", "certificat-revoque"}}) {
            useSigningCertificate(refused[0], refused[1]);
            String etag = manager.get("/dossiers/" + dossier + "/workflow").etag();
            Http.Reply reply = manager.post("/dossiers/" + dossier + "/workflow/advance", etag, Dossiers.ATTESTATION);
            assertEquals(409, reply.status(), reply.body());
            assertEquals(refused[2], reply.json().path("code").asText());
            assertEquals("FIABILISE", manager.get("/dossiers/" + dossier + "/workflow").json().path("step").asText());
        }
        useSigningCertificate("cachet", "valide");
        Http.Download preview = manager.download("/dossiers/" + dossier + "/workflow/statement-preview");
        assertEquals(200, preview.status());
        assertTrue(new String(preview.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"), "a PDF to read");
        try (PDDocument pdf = Loader.loadPDF(preview.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(Pattern.compile("\\d{1,3}(\u00a0\\d{3})+,\\d{2}\u00a0€").matcher(text).find(),
                "amounts written for people, grouped, two decimals and the euro sign: " + text);
            assertFalse(Pattern.compile("\\d{5}\\.\\d").matcher(text).find(), "no amount as stored: " + text);
            assertTrue(pdf.getDocumentCatalog().getMarkInfo().isMarked(), "tagged");
            assertTrue(pdf.getDocumentCatalog().getMetadata() != null, "XMP metadata of PDF/A");
        }
        assertEquals(403, entry.download("/dossiers/" + dossier + "/workflow/statement-preview").status(),
            "only a signer previews it");
        for (String[] refused : new String[][] {
            {"{}", "400", "certification-requise"},
            {"{\"certified\":false,\"password\":\"" + Accounts.PASSWORD + "\"}", "400", "certification-requise"},
            {"{\"certified\":true}", "403", "reauthentification-requise"},
            {"{\"certified\":true,\"password\":\"pas le bon mot de passe\"}", "403", "reauthentification-requise"}}) {
            Http.Reply reply = manager.post("/dossiers/" + dossier + "/workflow/advance",
                manager.get("/dossiers/" + dossier + "/workflow").etag(), refused[0]);
            assertEquals(Integer.parseInt(refused[1]), reply.status(), reply.body());
            assertEquals(refused[2], reply.json().path("code").asText());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        }
        assertEquals(0, manager.get("/dossiers/" + dossier + "/statements").json().size(), "nothing signed");
        assertEquals("FIABILISE", manager.get("/dossiers/" + dossier + "/workflow").json().path("step").asText());
        assertEquals(1, audit("reauthentification.echouee").size(), "the wrong password counts as a sign-in failure");
        assertEquals("SIGNE", advance(manager));
        List<JsonNode> signedEntries = audit("dossier.signe");
        assertEquals(1, signedEntries.size());
        assertEquals("chef.transmission", signedEntries.get(0).path("actor").asText());
        assertTrue(signedEntries.get(0).path("details").asText()
            .contains("« Je certifie l'exactitude des informations » cochée"), signedEntries.get(0).toString());

        JsonNode statements = manager.get("/dossiers/" + dossier + "/statements").json();
        assertEquals(1, statements.size(), statements.toString());
        JsonNode statement = statements.get(0);
        assertEquals("chef.transmission", statement.path("signer").asText());
        assertTrue(statement.path("level").asText().contains("PAdES"), statement.toString());
        String files = "/dossiers/" + dossier + "/statements/" + statement.path("id").asLong();
        Http.Download pdf = manager.download(files + "/pdf");
        assertEquals(200, pdf.status());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        signedPdf = pdf.body();
        byte[] data = manager.download(files + "/data").body();
        assertEquals(403, Http.token(platform.httpPort(), "AD_000000018", Distribution.DEMO_PASSWORD)
            .download(files + "/pdf").status(), "another organisation");

        for (byte[] file : List.of(signedPdf, data)) {
            JsonNode report = verify(file);
            assertTrue(report.path("valid").asBoolean(), report.toString());
            assertTrue(report.path("organisation").asText().contains(SIREN), report.toString());
            assertTrue(report.path("signedBy").asText().contains("chef.transmission"), report.toString());
            assertFalse(report.path("timestampAt").isNull(), "timestamped: " + report);
            for (int position : new int[] {file.length / 3, file.length / 2, file.length - 200}) {
                byte[] altered = file.clone();
                altered[position] ^= 0x01;
                JsonNode refused = verify(altered);
                assertFalse(refused.path("valid").asBoolean(), "byte " + position + " altered: " + refused);
                assertTrue(refused.path("problems").size() > 0, refused.toString());
            }
        }
        JsonNode garbage = verify("pas une signature".getBytes(StandardCharsets.UTF_8));
        assertFalse(garbage.path("valid").asBoolean());
        assertTrue(garbage.path("format").isNull());
    }

    @Test
    @Order(4)
    void transmissionDeliversOnceToEveryRecipientRetriesTheUnreachableOneAndReDeliversIt() throws Exception {
        Http.Reply unconfirmed = manager.post("/dossiers/" + dossier + "/workflow/advance",
            manager.get("/dossiers/" + dossier + "/workflow").etag(), "{}");
        assertEquals(400, unconfirmed.status(), unconfirmed.body());
        assertEquals("confirmation-requise", unconfirmed.json().path("code").asText());
        assertEquals(0, deliveries().size(), "nothing transmitted without the confirmation");
        assertEquals("TRANSMIS", advance(manager));
        assertEquals(1, audit("dossier.transmis").size());
        Set<String> expected = Set.of("CGLLS", "ANCOLS", "PREF-33", "SFTP-ESSAI", "HTTPS-ESSAI", "MAIL-ESSAI");
        Set<String> actual = new java.util.HashSet<>(deliveries().findValuesAsText("recipientCode"));
        assertEquals(expected, actual, "mandatory recipients and the ticked allowed ones, nothing else");
        Http.Reply late = Dossiers.choose(manager, dossier, "CDC", true);
        assertEquals("dossier-transmis", late.json().path("code").asText(), late.body());

        for (String recipient : List.of("CGLLS", "ANCOLS", "PREF-33")) {
            JsonNode delivered = awaitStatus(recipient, "DELIVERED");
            String reference = delivered.path("receiptReference").asText();
            assertTrue(reference.startsWith("depot:"), "a drop's receipt names no server path: " + reference);
            Path folder = platform.home().resolve("data/liasse/depots").resolve(recipient)
                .resolve(reference.substring("depot:".length()));
            assertArrayEquals(signedPdf, Files.readAllBytes(folder.resolve("ER-2025-" + SIREN + ".pdf")));
        }
        JsonNode pushed = awaitStatus("HTTPS-ESSAI", "DELIVERED");
        assertEquals("AR-1", pushed.path("receiptReference").asText());
        awaitStatus("MAIL-ESSAI", "DELIVERED");
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (MAIL_TO.equals(message.getAllRecipients()[0].toString())) {
                messages.add(message);
            }
        }
        assertEquals(1, messages.size(), "one email to the recipient");
        assertEquals(3, ((MimeMultipart) messages.get(0).getContent()).getCount(), "a text and two attachments");

        // The SFTP server is down: retried with a backoff, then failed, visible, nothing lost.
        JsonNode failed = awaitStatus("SFTP-ESSAI", "FAILED");
        assertEquals(3, failed.path("attempts").asInt());
        assertFalse(failed.path("lastError").asText().isEmpty());
        JsonNode attempts = operator.get("/deliveries/" + failed.path("id").asLong()).json().path("attempts");
        assertEquals(3, attempts.size());
        assertFalse(attempts.get(0).path("succeeded").asBoolean());
        assertEquals(403, manager.post("/deliveries/" + failed.path("id").asLong() + "/redeliver", "{}").status());

        startSftp();
        Http.Reply again = operator.post("/deliveries/" + failed.path("id").asLong() + "/redeliver", "{}");
        assertEquals(200, again.status(), again.body());
        JsonNode delivered = awaitStatus("SFTP-ESSAI", "DELIVERED");
        try (Stream<Path> dropped = Files.list(sftpRoot.resolve("depots").resolve(delivered.path("idempotencyKey").asText()))) {
            assertEquals(Set.of("ER-2025-" + SIREN + ".pdf", "ER-2025-" + SIREN + ".json.p7m", "manifest.json"),
                Set.copyOf(dropped.map(p -> p.getFileName().toString()).toList()));
        }

        // Re-delivery carries the same key: the HTTP receiver sees it twice and keeps one copy.
        long https = pushed.path("id").asLong();
        assertEquals(200, operator.post("/deliveries/" + https + "/redeliver", "{}").status());
        Await.until("second push", 30_000, () -> operator.get("/deliveries/" + https).json().path("attempts").size(),
            n -> n == 2);
        assertEquals(2, receivedKeys.size());
        assertEquals(1, Set.copyOf(receivedKeys).size(), "the same idempotency key");
        assertEquals("AR-1", awaitStatus("HTTPS-ESSAI", "DELIVERED").path("receiptReference").asText());

        String log = operator.get("/audit?limit=500").body();
        assertTrue(log.contains("livraison.echec") && log.contains("livraison.reussie")
            && log.contains("livraison.relancee"), "every attempt is audited");
    }

    @Test
    @Order(5)
    void thePagesShowTheMatrixTheChoicesTheDeliveriesAndVerifySignatures() throws Exception {
        String base = "http://localhost:" + platform.httpPort();
        try (Browser browser = new Browser(base)) {
            browser.signIn("operateur.demo", Distribution.DEMO_PASSWORD, "/operateur/organisations.html");
            browser.open("/operateur/destinataires.html");
            assertTrue(browser.byId("destinataires").getText().contains("SFTP-ESSAI"));
            browser.checkPage("50-destinataires");
            browser.open("/operateur/matrice.html");
            assertEquals("MANDATORY", browser.find("select[aria-label='Règle pour ER vers Destinataire d\\'essai "
                + "SFTP-ESSAI (FICTIF)']").getDomProperty("value"));
            assertTrue(browser.byId("versions").getText().contains("operateur.demo"));
            browser.checkPage("51-matrice");
            String versions = browser.byId("versions").getText();
            browser.byId("enregistrer-matrice").click();
            browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
            assertTrue(browser.byId("confirmation-texte").getText().contains("sera remplacée"));
            browser.byId("confirmation-non").click();
            assertEquals("enregistrer-matrice", browser.until(d -> d.switchTo().activeElement().getDomAttribute("id")));
            assertEquals(versions, browser.byId("versions").getText(), "cancelled: no new version");
            browser.open("/operateur/livraisons.html");
            assertTrue(browser.byId("livraisons").getText().contains("Livrée"));
            browser.checkPage("52-livraisons");
        }
        try (Browser browser = new Browser(base)) {
            browser.signIn("chef.transmission", Accounts.PASSWORD, "/accueil.html");
            browser.open("/dossier/transmission.html?id=" + dossier);
            String deliveries = browser.byId("livraisons").getText();
            assertTrue(deliveries.contains("Livrée") && !deliveries.contains("En échec"), deliveries);
            assertTrue(browser.find("#destinataires input[type='checkbox'][checked]").getDomAttribute("disabled") != null,
                "transmitted: nothing can be changed");
            assertEquals(1, browser.all("#declarations a[href$='/pdf']").size());
            browser.checkPage("53-transmission");
            Path file = Files.createTempFile("declaration-", ".pdf");
            Files.write(file, signedPdf);
            browser.open("/verification-signature.html");
            browser.byId("fichier").sendKeys(file.toString());
            browser.submit("verification");
            browser.until(d -> browser.byId("verdict").getText().startsWith("Signature valide"));
            assertTrue(browser.byId("rapport").getText().contains(SIREN));
            browser.checkPage("54-verification-signature");
        }
    }

    /** Points the signature configuration at another certificate of the demo keystore (Karaf reloads it). */
    private static void useSigningCertificate(String alias, String status) {
        try {
            platform.setProperty("etc/org.liasse.signature.cfg", "keystore.alias", alias);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Await.until("signing certificate " + alias, 60_000, () -> operator.get("/signatures/certificate").json(),
            c -> c.path("status").asText().equals(status));
    }

    private static void startSftp() throws IOException {
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(sftpPort);
        sftp.setKeyPairProvider(KeyPairProvider.wrap(sftpKey));
        sftp.setPasswordAuthenticator((user, password, session) ->
            "depot".equals(user) && "Secret-Depot-2025".equals(password));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
        sftp.start();
    }
}
