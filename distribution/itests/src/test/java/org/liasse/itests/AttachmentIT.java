package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The exchange space of dossiers on the real ministry assembly in demo mode, with small limits: upload, list,
 * download and delete through the API; refusals (lying extension, too large, forbidden type, empty, full dossier)
 * that leave nothing behind; another organisation refused; operators read-only; every action in the audit log;
 * then the page in headless Chromium with an axe-core scan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachmentIT {

    private static final long BOOT_TIMEOUT = 180_000;
    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;
    private static final int MAX_FILE = 1024 * 1024;
    private static final int MAX_DOSSIER = 1536 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Distribution ministry;
    private static Client entry;
    private static long dossier18;
    private static long dossier34;

    /** A response: status, headers and raw body. */
    private record Reply(int status, HttpResponse<byte[]> response) {

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    /** A signed-in client (session cookie and CSRF token) that sends raw bytes. */
    private static final class Client {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base = "http://localhost:" + ministry.httpPort() + "/api/v1";
        private String csrf = "";

        Client(String login, String password) {
            Reply session = send("POST", "/session", "application/json",
                ("{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, session.status(), session.text());
            csrf = session.json().path("csrfToken").asText();
        }

        Reply send(String method, String path, String type, byte[] body) {
            return send(method, path, type, body, null);
        }

        /** A request with {@code If-Match} (none when null). */
        Reply send(String method, String path, String type, byte[] body, String ifMatch) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-CSRF-Token", csrf);
            if (type != null) {
                request.header("Content-Type", type);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(response.statusCode(), response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Reply get(String path) {
            return send("GET", path, null, null);
        }

        /** Deletes a file with the ETag of its dossier's files, read just before (none when they are out of reach). */
        Reply delete(String piece) {
            return send("DELETE", piece, null, null, get(piece.substring(0, piece.lastIndexOf('/'))).header("ETag"));
        }

        Reply upload(long dossier, String name, byte[] content) {
            return send("POST", "/dossiers/" + dossier + "/pieces?nom=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20"), "application/octet-stream", content);
        }
    }

    @BeforeAll
    static void startMinistry() throws Exception {
        ministry = Distribution.demo("ministry", distribution -> {
            distribution.setProperty("etc/org.liasse.attachments.cfg", "max.file.bytes", Integer.toString(MAX_FILE));
            distribution.setProperty("etc/org.liasse.attachments.cfg", "max.dossier.bytes", Integer.toString(MAX_DOSSIER));
        });
        entry = new Client("saisie.demo", DEMO_PASSWORD);
        dossier18 = latestDossier(entry, "000000018");
        Client administrator34 = new Client("AD_000000034", DEMO_PASSWORD);
        dossier34 = latestDossier(administrator34, "000000034");
    }

    @AfterAll
    static void stopMinistry() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }


    /** The dossier of the open 2025 campaign, once demo mode has opened it. */
    private static long latestDossier(Client client, String siren) {
        JsonNode dossiers = Await.until("2025 dossier of " + siren, BOOT_TIMEOUT,
            () -> client.get("/organisations/" + siren + "/dossiers").json(), list -> open(list) != null);
        return open(dossiers).path("id").asLong();
    }

    private static JsonNode open(JsonNode dossiers) {
        for (JsonNode dossier : dossiers) {
            if (dossier.path("year").asInt() == 2025) {
                return dossier;
            }
        }
        return null;
    }

    /** Files stored for all dossiers, and files left in the upload folder. */
    private static long[] filesOnDisk() throws IOException {
        Path root = ministry.home().resolve("data/liasse/pieces");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            long incoming = all.stream().filter(p -> p.getParent().getFileName().toString().equals("incoming")).count();
            return new long[] {all.size() - incoming, incoming};
        }
    }

    @Test
    @Order(1)
    void aFileIsUploadedListedDownloadedAndDeleted() throws Exception {
        byte[] csv = "code;libellé;effectif\nA1;Siège;12\nA2;Agence de Lyon;7\n".getBytes(StandardCharsets.UTF_8);
        Reply uploaded = entry.upload(dossier18, "Effectifs 2025 (siège).csv", csv);
        assertEquals(201, uploaded.status(), uploaded.text());
        JsonNode piece = uploaded.json();
        assertEquals("Effectifs 2025 (siège).csv", piece.path("name").asText());
        assertEquals("text/csv", piece.path("mediaType").asText());
        assertEquals(csv.length, piece.path("size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)), piece.path("sha256").asText());
        assertEquals("saisie.demo", piece.path("uploadedBy").asText());
        assertTrue(uploaded.header("Location").endsWith("/dossiers/" + dossier18 + "/pieces/" + piece.path("id").asLong()));

        Reply workbook = entry.upload(dossier18, "effectifs.xlsx", xlsx());
        assertEquals(201, workbook.status(), workbook.text());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.json().path("mediaType").asText());

        JsonNode space = entry.get("/dossiers/" + dossier18 + "/pieces").json();
        assertEquals(2, space.path("attachments").size());
        assertEquals("effectifs.xlsx", space.path("attachments").get(0).path("name").asText(), "newest first");
        assertEquals(csv.length + workbook.json().path("size").asLong(), space.path("usedBytes").asLong());
        assertEquals(MAX_FILE, space.path("rules").path("maxFileBytes").asLong());
        assertTrue(space.path("rules").path("kinds").toString().contains("xlsx"));

        Reply download = entry.get("/dossiers/" + dossier18 + "/pieces/" + piece.path("id").asLong());
        assertEquals(200, download.status());
        assertArrayEquals(csv, download.response().body());
        assertEquals("text/csv", download.header("Content-Type"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertEquals("attachment; filename=\"Effectifs 2025 (siege).csv\"; "
            + "filename*=UTF-8''Effectifs%202025%20%28si%C3%A8ge%29.csv", download.header("Content-Disposition"));

        String path = "/dossiers/" + dossier18 + "/pieces/" + piece.path("id").asLong();
        String listed = entry.get("/dossiers/" + dossier18 + "/pieces").header("ETag");
        assertEquals("if-match-requis", entry.send("DELETE", path, null, null).json().path("code").asText());
        assertEquals(204, entry.send("DELETE", path, null, null, listed).status());
        assertEquals("piece-inconnue", entry.get(path).json().path("code").asText());
        assertEquals(404, entry.delete(path).status(), "deleted once");
        String other = "/dossiers/" + dossier18 + "/pieces/" + workbook.json().path("id").asLong();
        Reply stale = entry.send("DELETE", other, null, null, listed);
        assertEquals(412, stale.status(), stale.text());
        assertEquals("revision-perimee", stale.json().path("code").asText());
        JsonNode after = entry.get("/dossiers/" + dossier18 + "/pieces").json();
        assertEquals(1, after.path("attachments").size(), "a deletion decided on a stale list is refused");
        assertEquals(1, filesOnDisk()[0], "the content of the deleted file is erased");
        assertEquals(0, filesOnDisk()[1]);
    }

    @Test
    @Order(2)
    void refusedFilesAreExplainedInFrenchAndLeaveNothingBehind() throws Exception {
        int before = entry.get("/dossiers/" + dossier18 + "/pieces").json().path("attachments").size();
        long[] disk = filesOnDisk();

        Reply lying = entry.upload(dossier18, "effectifs.xlsx", pdf());
        assertProblem(lying, 422, "extension-trompeuse", "effectifs.xlsx");
        assertTrue(lying.text().contains("Document PDF"), lying.text());
        assertProblem(entry.upload(dossier18, "note.xlsx", docx()), 422, "extension-trompeuse", "note.xlsx");
        assertProblem(entry.upload(dossier18, "rapport.pdf", executable()), 422, "extension-trompeuse", "rapport.pdf");
        assertProblem(entry.upload(dossier18, "outil.exe", executable()), 422, "type-interdit", "outil.exe");
        assertProblem(entry.upload(dossier18, "archive.zip", zip(Map.of("a.txt", "a"))), 422, "type-interdit", "archive.zip");
        assertProblem(entry.upload(dossier18, "vide.pdf", new byte[0]), 422, "piece-vide", "vide.pdf");
        assertProblem(entry.upload(dossier18, "tronque.xlsx", java.util.Arrays.copyOf(xlsx(), 100)), 422, "fichier-illisible", "tronque.xlsx");
        Reply tooLarge = entry.upload(dossier18, "gros.csv", text(MAX_FILE + 1));
        assertProblem(tooLarge, 413, "piece-trop-volumineuse", "gros.csv");
        assertTrue(tooLarge.text().contains("1 Mo"), tooLarge.text());
        assertEquals("nom-invalide", entry.send("POST", "/dossiers/" + dossier18 + "/pieces", "text/csv", text(10)).json()
            .path("code").asText(), "no name");

        assertEquals(before, entry.get("/dossiers/" + dossier18 + "/pieces").json().path("attachments").size());
        assertArrayEquals(disk, filesOnDisk(), "no file left by a refused upload");
    }

    @Test
    @Order(3)
    void aFullDossierRefusesMoreFiles() throws Exception {
        Client administrator = new Client("AD_000000034", DEMO_PASSWORD);
        assertEquals(403, administrator.upload(dossier34, "a.csv", text(10)).status(), "the administrator only manages users");
        Http adminHttp = Http.token(ministry.httpPort(), "AD_000000034", DEMO_PASSWORD);
        Accounts.user(ministry.httpPort(), adminHttp, "000000034", "pieces.000000034", "RESPONSABLE_COMPTABLE");
        Client member = new Client("pieces.000000034", Accounts.PASSWORD);
        assertEquals(201, member.upload(dossier34, "partie-1.csv", text(MAX_FILE - 10)).status());
        Reply full = member.upload(dossier34, "partie-2.csv", text(MAX_DOSSIER - MAX_FILE + 100));
        assertProblem(full, 413, "espace-dossier-plein", "partie-2.csv");
        assertEquals(1, member.get("/dossiers/" + dossier34 + "/pieces").json().path("attachments").size());
        assertEquals(201, member.upload(dossier34, "partie-2.csv", text(MAX_DOSSIER - MAX_FILE)).status(), "what still fits");
    }

    @Test
    @Order(4)
    void anotherOrganisationNeverReachesTheFilesAndOperatorsOnlyRead() {
        JsonNode own = entry.get("/dossiers/" + dossier18 + "/pieces").json().path("attachments").get(0);
        String ownPath = "/dossiers/" + dossier18 + "/pieces/" + own.path("id").asLong();
        Client member34 = new Client("pieces.000000034", Accounts.PASSWORD);
        assertEquals("acces-refuse", member34.get("/dossiers/" + dossier18 + "/pieces").json().path("code").asText());
        assertEquals(403, member34.get(ownPath).status());
        assertEquals(403, member34.delete(ownPath).status());
        String crossed = "/dossiers/" + dossier34 + "/pieces/" + own.path("id").asLong();
        assertEquals("piece-inconnue", member34.get(crossed).json().path("code").asText(), "its own dossier, another's file");
        assertEquals(404, member34.delete(crossed).status());
        assertEquals(200, entry.get(ownPath).status(), "still there");

        Client operator = new Client("operateur.demo", DEMO_PASSWORD);
        assertEquals(200, operator.get("/dossiers/" + dossier18 + "/pieces").status());
        assertEquals(200, operator.get(ownPath).status());
        assertEquals(403, operator.upload(dossier18, "a.csv", text(10)).status());
        assertEquals(403, operator.delete(ownPath).status());
    }

    @Test
    @Order(5)
    void everyActionIsInTheAuditLog() {
        String audit = new Client("AD_000000018", DEMO_PASSWORD).get("/audit/organisations/000000018?limit=500").text();
        for (String action : List.of("piece.deposee", "piece.telechargee", "piece.supprimee", "piece.refusee")) {
            assertTrue(audit.contains("\"" + action + "\""), action + " in " + audit);
        }
        assertTrue(audit.contains("extension-trompeuse : « effectifs.xlsx »"), audit);
        assertTrue(audit.contains("operateur.demo"), "the operator's download is audited");
    }

    @Test
    @Order(6)
    void thePageListsUploadsRefusesAndDeletesAccessibly() throws Exception {
        Path folder = Files.createTempDirectory("liasse-pieces-");
        Path csv = Files.writeString(folder.resolve("Tableau des effectifs.csv"), "code;effectif\nA1;12\n");
        Path lying = Files.writeString(folder.resolve("faux.pdf"), "pas un PDF\n");
        String base = "http://localhost:" + ministry.httpPort();
        try (Browser browser = new Browser(base)) {
            browser.open("/connexion.html").fill("login", "saisie.demo").fill("password", DEMO_PASSWORD).submit("connexion");
            browser.awaitPage("/accueil.html");
            browser.open("/dossier/pieces.html?id=" + dossier18);
            assertEquals("Pièces jointes du dossier – Liasse", browser.title());
            String help = browser.byId("fichier-aide").getText();
            assertTrue(help.contains("Classeur Excel (XLSX) (.xlsx)") && help.contains("1 Mo"), help);
            browser.checkPage("pieces-01-liste");

            browser.byId("fichier").sendKeys(lying.toString());
            browser.submit("depot");
            assertTrue(browser.message("depot-messages", "erreur").contains("faux.pdf"));
            assertTrue(browser.fieldError("fichier").contains("extension"));
            browser.checkPage("pieces-02-refus");

            browser.byId("fichier").sendKeys(csv.toString());
            browser.submit("depot");
            assertTrue(browser.message("depot-messages", "succes").contains("Tableau des effectifs.csv"));
            WebElement download = browser.until(d -> d.findElements(By.cssSelector(
                "#pieces a[aria-label^='Télécharger « Tableau des effectifs.csv »']")).stream().findFirst().orElse(null));
            assertTrue(download.getDomAttribute("href").matches("/api/v1/dossiers/" + dossier18 + "/pieces/\\d+"));
            browser.checkPage("pieces-03-deposee").checkReflow("pieces-03-zoom-200");

            String delete = "#pieces button[aria-label='Supprimer « Tableau des effectifs.csv »']";
            browser.find(delete).click();
            browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
            assertEquals("confirmation-non", browser.until(d -> d.switchTo().activeElement().getDomAttribute("id")));
            browser.checkPage("pieces-04-confirmation");
            browser.byId("confirmation-non").click();
            browser.until(d -> !browser.byId("dialogue-confirmation").isDisplayed());
            assertEquals(1, browser.all(delete).size(), "cancelled: still listed");
            assertEquals("Supprimer « Tableau des effectifs.csv »", browser.until(d -> d.switchTo().activeElement())
                .getDomAttribute("aria-label"), "the focus is back on the trigger");

            browser.find(delete).click();
            browser.until(d -> browser.byId("dialogue-confirmation").isDisplayed());
            browser.byId("confirmation-oui").click();
            assertTrue(browser.message("liste-messages", "succes").contains("supprimé"));
            browser.until(d -> d.findElements(By.cssSelector(delete)).isEmpty());
            browser.checkPage("pieces-05-supprimee");
        }
        try (Browser operator = new Browser(base)) {
            operator.open("/connexion.html").fill("login", "operateur.demo").fill("password", DEMO_PASSWORD).submit("connexion");
            operator.awaitPage("/operateur/organisations.html");
            operator.open("/dossier/pieces.html?id=" + dossier18);
            assertFalse(operator.byId("depot-bloc").isDisplayed(), "operators only read");
            assertTrue(operator.all("#pieces button").isEmpty());
            assertFalse(operator.all("#pieces a[href^='/api/v1/dossiers/']").isEmpty());
            operator.checkPage("pieces-06-operateur");
        }
    }

    private static void assertProblem(Reply reply, int status, String code, String name) {
        assertEquals(status, reply.status(), reply.text());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        assertEquals(code, reply.json().path("code").asText(), reply.text());
        assertTrue(reply.json().path("detail").asText().contains("« " + name + " »"), reply.text());
    }

    private static byte[] text(int size) {
        byte[] text = new byte[size];
        for (int i = 0; i < size; i++) {
            text[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);
        }
        return text;
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] executable() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        return exe;
    }

    private static byte[] xlsx() {
        return ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");
    }

    private static byte[] docx() {
        return ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");
    }

    private static byte[] ooxml(String mainType, String part) {
        return zip(Map.of("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
            + "http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/" + part
            + "\" ContentType=\"" + mainType + "\"/></Types>", "_rels/.rels", "<Relationships/>", part, "<racine/>"));
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries.keySet().stream().sorted((a, b) -> a.startsWith("[") ? -1 : b.startsWith("[") ? 1 : a.compareTo(b)).toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
