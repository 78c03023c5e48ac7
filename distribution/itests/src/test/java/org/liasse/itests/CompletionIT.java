package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.stream.IntStream;
import java.util.zip.ZipInputStream;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liasse.api.dossier.Siren;

/**
 * Following a campaign on the real ministry assembly in demo mode: the completion dashboard (rows, control status,
 * lateness, filters, order, a federation operator's perimeter), its CSV and XLSX exports and the lateness list,
 * reminder emails received once by a real SMTP server (GreenMail), the operators' page in Chromium, and the response
 * time with 1,000 more organisations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompletionIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String OPH = "000000018";
    private static final String ESH = "000000026";
    private static final String COOP = "000000034";
    private static final int MORE_ORGANISATIONS = 1000;

    private static GreenMail mail;
    private static Distribution platform;
    /** National super-administrator. */
    private static Http operator;
    /** Campaign manager of the OPH federation. */
    private static Http federation;
    private static long eshDossier;

    @BeforeAll
    static void start() throws Exception {
        mail = new GreenMail(new ServerSetup(Distribution.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        platform = Distribution.demo("ministry", distribution -> {
            distribution.setProperty("etc/org.liasse.mail.cfg", "host", "127.0.0.1");
            distribution.setProperty("etc/org.liasse.mail.cfg", "port", Integer.toString(mail.getSmtp().getPort()));
        });
        int port = platform.httpPort();
        operator = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
        federation = Accounts.operator(port, operator, "suivi.oph", "CAMPAIGN_MANAGER", "OPH");
        Http administrator = Http.token(port, "AD_" + ESH, Distribution.DEMO_PASSWORD);
        Http manager = Accounts.user(port, administrator, ESH, "chef.suivi", "RESPONSABLE_HIERARCHIQUE");
        for (JsonNode d : operator.get("/organisations/" + ESH + "/dossiers").json()) {
            if (d.path("year").asInt() == 2025 && d.path("questionnaireCode").asText().equals("ER")) {
                eshDossier = d.path("id").asLong();
            }
        }
        assertEquals(201, manager.post("/dossiers/" + eshDossier + "/verifications", "{}").status());
        Http.Reply read = manager.get("/dossiers/" + eshDossier);
        assertEquals(200, manager.patch("/dossiers/" + eshDossier + "/values", read.etag(),
            "{\"values\":{\"PATRIMOINE.PLAI.VACANTS\":\"3\"}}").status(), "a change after the verification");
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        mail.stop();
    }

    private static JsonNode completion(Http http, String query) {
        Http.Reply reply = http.get("/campaigns/2025/completion" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** The SIRENs of a dashboard's rows, or of a list of reminders. */
    private static List<String> sirens(JsonNode completionOrList) {
        List<String> sirens = new ArrayList<>();
        (completionOrList.isArray() ? completionOrList : completionOrList.path("rows"))
            .forEach(row -> sirens.add(row.path("siren").asText()));
        return sirens;
    }

    private static JsonNode row(JsonNode completion, String siren) {
        for (JsonNode row : completion.path("rows")) {
            if (row.path("siren").asText().equals(siren)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + siren);
    }

    private static long daysLate(String deadline) {
        return Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(deadline), LocalDate.now(PARIS)));
    }

    @Test
    @Order(1)
    void theDashboardListsEveryOrganisationWithItsStepControlsAndLateness() {
        JsonNode all = completion(operator, "");
        assertEquals(List.of(OPH, ESH, COOP), sirens(all), "one row per organisation × questionnaire, by SIREN");
        JsonNode esh = row(all, ESH);
        assertEquals("ER", esh.path("questionnaire").asText());
        assertEquals(eshDossier, esh.path("dossierId").asLong());
        assertEquals("SAISIE", esh.path("step").asText());
        assertEquals(1, esh.path("stepIndex").asInt());
        assertEquals(6, esh.path("stepCount").asInt(), "the ER plugin's six steps");
        assertFalse(esh.path("lastActivity").isNull(), "saved just now");
        assertTrue(List.of("ERRORS", "WARNINGS", "OK").contains(esh.path("control").asText()), esh.toString());
        assertTrue(esh.path("reverify").asBoolean(), "values changed since the verification");
        assertEquals("NOT_VERIFIED", row(all, OPH).path("control").asText());
        assertTrue(row(all, OPH).path("errors").isNull());
        String deadline = esh.path("deadline").asText();
        assertEquals(daysLate(deadline), esh.path("daysLate").asLong(), "late once the deadline has passed");
        assertEquals("ER", all.path("progress").get(0).path("questionnaire").asText());
        assertEquals(6, all.path("progress").get(0).path("steps").size());
        assertEquals("2026-04-01", all.path("progress").get(0).path("days").get(0).path("day").asText(),
            "the chart starts when the campaign opened");

        assertEquals(List.of(OPH), sirens(completion(operator, "?federation=OPH")));
        assertEquals(List.of(ESH), sirens(completion(operator, "?type=ESH")));
        assertEquals(List.of(COOP), sirens(completion(operator, "?department=38")));
        assertEquals(List.of(OPH, COOP), sirens(completion(operator, "?region=84")));
        assertEquals(3, completion(operator, "?step=SAISIE&questionnaire=ER").path("rows").size());
        assertEquals(0, completion(operator, "?step=NON_INITIALISE").path("rows").size());
        boolean late = daysLate(deadline) > 0;
        assertEquals(late ? 3 : 0, completion(operator, "?late=true").path("rows").size());
        assertEquals(List.of(COOP, ESH, OPH), sirens(completion(operator, "?sort=organisation")),
            "Coop'Hlm…, ESH Les Tilleuls…, Office public…");
        assertEquals(List.of(OPH, ESH, COOP), sirens(completion(operator, "?sort=-organisation")));
        assertEquals("tri-inconnu", operator.get("/campaigns/2025/completion?sort=taille").json().path("code").asText());
        assertEquals(422, operator.get("/campaigns/2025/completion?late=oui").status());
        assertEquals(404, operator.get("/campaigns/1990/completion").status());
    }

    @Test
    @Order(2)
    void aFederationOperatorSeesOnlyItsFederation() {
        assertEquals(List.of(OPH), sirens(completion(federation, "")));
        assertEquals(List.of(OPH), sirens(completion(federation, "?federation=OPH")));
        Http.Reply other = federation.get("/campaigns/2025/completion?federation=ESH");
        assertEquals(403, other.status());
        assertEquals("acces-refuse", other.json().path("code").asText());
        String csv = new String(federation.download("/campaigns/2025/completion/export?format=csv").body(),
            StandardCharsets.UTF_8);
        assertEquals(2, csv.strip().split("\r\n").length, "header and its one organisation: " + csv);
    }

    @Test
    @Order(3)
    void exportsAndTheLatenessListInCsvAndXlsx() throws IOException {
        Http.Download csv = operator.download("/campaigns/2025/completion/export?format=csv&sort=organisation");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("suivi-2025.csv"));
        String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
        assertEquals("\uFEFFSIREN;Organisation;Type;Fédération;Région;Département;Questionnaire;Dépôt;Dossier;Étape;"
            + "Rang de l’étape;Dernière activité;Contrôles;À revérifier;Date limite;En retard;Jours de retard", lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith(COOP + ";"), lines[1]);
        assertTrue(lines[2].startsWith(ESH + ";ESH Les Tilleuls Imaginaires (FICTIF);ESH;ESH;75;33;ER;obligatoire;" + eshDossier
            + ";Saisie en cours;1 sur 6;"), lines[2]);
        assertTrue(lines[2].contains(";oui;"), "à revérifier: " + lines[2]);

        String deadline = row(completion(operator, ""), OPH).path("deadline").asText();
        long days = daysLate(deadline);
        Http.Download lateness = operator.download("/campaigns/2025/completion/export?format=csv&late=true");
        assertTrue(lateness.header("Content-Disposition").contains("retards-2025.csv"));
        String[] late = new String(lateness.body(), StandardCharsets.UTF_8).split("\r\n");
        assertEquals(days > 0 ? 4 : 1, late.length);
        if (days > 0) {
            String shown = LocalDate.parse(deadline).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertTrue(late[1].startsWith(OPH + ";") && late[1].endsWith(";" + shown + ";oui;" + days), late[1]);
        }

        Http.Download xlsx = operator.download("/campaigns/2025/completion/export?format=xlsx&late=true");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.header("Content-Disposition").contains("retards-2025.xlsx"));
        Map<String, String> entries = unzip(xlsx.body());
        assertTrue(entries.get("xl/workbook.xml").contains("Retards 2025"), "the sheet name");
        String strings = entries.get("xl/sharedStrings.xml");
        assertTrue(strings.contains("Jours de retard"), strings);
        if (days > 0) {
            assertTrue(strings.contains("Coop&apos;Hlm des Trois Vallées (FICTIF)")
                || strings.contains("Coop'Hlm des Trois Vallées (FICTIF)"), strings);
            assertTrue(entries.get("xl/worksheets/sheet1.xml").contains("<v>" + days + ".0</v>")
                || entries.get("xl/worksheets/sheet1.xml").contains("<v>" + days + "</v>"), "days late as a number");
        }
        assertEquals(400, operator.get("/campaigns/2025/completion/export?format=xml").status());
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static int received() {
        return mail.getReceivedMessages().length;
    }

    @Test
    @Order(4)
    void remindersAreEmailedOnceBeforeAndAfterTheDeadline() throws Exception {
        LocalDate today = LocalDate.now(PARIS);
        Http.Reply created = operator.post("/campaigns", """
            {"year":2026,"label":"Campagne 2026 (relances)","opening":"%s","deadline":"%s","state":"OPEN",
             "questionnaires":[{"code":"ER","deadline":"%s"}]}
            """.formatted(today.minusDays(1), today.plusDays(30), today.plusDays(7)));
        assertEquals(201, created.status(), created.body());
        int before = received();

        Http.Reply mine = federation.post("/campaigns/2026/reminders", "{}");
        assertEquals(200, mine.status(), mine.body());
        assertEquals(1, mine.json().size(), "the federation's organisation only: " + mine.body());
        JsonNode reminder = mine.json().get(0);
        assertEquals(OPH, reminder.path("siren").asText());
        assertEquals(7, reminder.path("daysBefore").asInt());
        assertEquals("non initialisé", reminder.path("step").asText());
        assertTrue(reminder.path("recipients").toString().contains("saisie.demo@example.org"),
            "the members who may initialise the dossier: " + reminder);

        Http.Reply rest = operator.post("/campaigns/2026/reminders", "{}");
        assertEquals(200, rest.status(), rest.body());
        assertEquals(List.of(ESH, COOP), sirens(rest.json()), rest.body());
        assertEquals("[\"chef.suivi@example.org\"]", rest.json().get(0).path("recipients").toString());
        assertEquals("[\"administration." + COOP + "@example.org\"]", rest.json().get(1).path("recipients").toString(),
            "nobody may initialise it: its administrator");
        int expected = before;
        for (JsonNode sent : List.of(reminder, rest.json().get(0), rest.json().get(1))) {
            expected += sent.path("recipients").size();
        }
        int total = expected;
        Await.until("reminder emails", 30_000, CompletionIT::received, n -> n >= total);
        MimeMessage[] toEntry = mail.getReceivedMessagesForDomain("saisie.demo@example.org");
        MimeMessage message = toEntry[toEntry.length - 1];
        assertTrue(message.getSubject().contains("2026"), message.getSubject());
        String text = (String) message.getContent();
        assertTrue(text.contains("dans 7 jours"), text);
        assertTrue(text.contains("/dossiers.html"), "a link to initialise it: " + text);

        assertEquals(0, operator.post("/campaigns/2026/reminders", "{}").json().size(), "never sent twice");

        // The demo's 2025 deadline (1 June 2026) has passed: the organisations still late get the reminder of seven
        // days after it (reminder.days.after = 1,7), the latest one due, once; never one of the days before.
        Http.Reply late = operator.post("/campaigns/2025/reminders", "{}");
        assertEquals(200, late.status(), late.body());
        assertEquals(List.of(OPH, ESH, COOP), sirens(late.json()), late.body());
        int afterDeadline = total;
        for (JsonNode sent : late.json()) {
            assertEquals(-7, sent.path("daysBefore").asInt(), sent.toString());
            afterDeadline += sent.path("recipients").size();
        }
        int all = afterDeadline;
        Await.until("reminder emails after the deadline", 30_000, CompletionIT::received, n -> n >= all);
        MimeMessage lateMessage = mail.getReceivedMessagesForDomain("saisie.demo@example.org")[
            mail.getReceivedMessagesForDomain("saisie.demo@example.org").length - 1];
        assertTrue(lateMessage.getSubject().contains("2025 en retard, attendu le 1er juin 2026"), lateMessage.getSubject());
        String lateText = (String) lateMessage.getContent();
        assertTrue(lateText.contains("le dossier est en retard") && lateText.contains(" jours après l’échéance"), lateText);
        assertEquals(0, operator.post("/campaigns/2025/reminders", "{}").json().size(), "recorded once");
        assertEquals(all, received(), "the mailer sends during the request: nothing more arrives afterwards");
        Http.Reply closed = operator.post("/campaigns/2020/reminders", "{}");
        assertEquals(409, closed.status());
        assertEquals("campagne-fermee", closed.json().path("code").asText());
    }

    @Test
    @Order(5)
    void theOperatorsPageShowsTheDashboardItsFiltersExportsAndChart() throws IOException {
        try (Browser browser = new Browser("http://localhost:" + platform.httpPort())) {
            browser.signIn("operateur.demo", Distribution.DEMO_PASSWORD, "/operateur/organisations.html");
            browser.find("nav a[href='/operateur/suivi.html']").click();
            browser.awaitPage("/operateur/suivi.html");
            browser.choose("year", "2025");
            browser.submit("filtres");
            browser.until(d -> browser.byId("titre-suivi").getText().contains("2025"));
            assertEquals(3, browser.all("#suivi tbody tr").size());
            assertTrue(browser.byId("resultats-nombre").getText().startsWith("3 lignes"),
                browser.byId("resultats-nombre").getText());
            assertTrue(browser.byId("export-xlsx").getAttribute("href").endsWith("/api/v1/campaigns/2025/completion/export?format=xlsx"));
            assertTrue(browser.byId("retards-csv").getAttribute("href").contains("late=true"));
            assertEquals(1, browser.all("#progression svg[role='img']").size());
            assertTrue(browser.find("#progression svg desc").getAttribute("textContent").contains("« Vérifié »"));
            browser.checkPage("60-suivi");

            browser.choose("federation", "COOP");
            browser.submit("filtres");
            browser.until(d -> browser.byId("resultats-nombre").getText().startsWith("1 ligne,"));
            assertTrue(browser.byId("suivi").getText().contains("Coop'Hlm des Trois Vallées"));
            assertTrue(browser.byId("export-csv").getAttribute("href").contains("federation=COOP"));
            browser.checkPage("61-suivi-filtre");
        }
    }

    /** A valid SIREN: the eight digits followed by their check digit. */
    private static String siren(int number) {
        String body = String.format("%08d", number);
        return IntStream.range(0, 10).mapToObj(digit -> body + digit).filter(Siren::isValid).findFirst().orElseThrow();
    }

    @Test
    @Order(6)
    void theDashboardStaysFastWithAThousandMoreOrganisations() {
        StringBuilder csv = new StringBuilder("siren;nom;type;federation;region;departement\n");
        for (int i = 0; i < MORE_ORGANISATIONS; i++) {
            csv.append(siren(50_000_000 + i)).append(";Organisme de charge ").append(i).append(" (FICTIF);")
                .append(i % 2 == 0 ? "OPH;OPH" : "ESH;ESH").append(";84;69\n");
        }
        Http.Reply imported = operator.send("POST", "/organisations/import?apply=true", "text/csv", csv.toString(), null);
        assertEquals(200, imported.status(), imported.body());
        completion(operator, "");
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            JsonNode all = completion(operator, "");
            best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
            assertEquals(MORE_ORGANISATIONS + 3, all.path("rows").size());
        }
        System.out.println("GET /campaigns/2025/completion, " + (MORE_ORGANISATIONS + 3) + " organisations : " + best
            + " ms (meilleur de 5)");
        assertTrue(best < 2_000, best + " ms");
    }

    @Test
    @Order(7)
    void theNationalSummaryIsForNationalOperators() throws IOException {
        Http.Download summary = operator.download("/campaigns/2025/reports/SYNTHESE?format=pdf");
        assertEquals(200, summary.status());
        try (PDDocument pdf = Loader.loadPDF(summary.body())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
            assertTrue(text.contains("Synthèse nationale de la campagne des états réglementaires"), text);
            assertTrue(text.contains("Ensemble Tous les organismes 1 003 3 "),
                "the 1,003 organisations, the three demo ones with their dossier: " + text);
            assertTrue(text.contains("organisme COOP 1 1"), "by type: " + text);
        }
        assertFalse(federation.get("/campaigns/2025/reports").body().contains("SYNTHESE"));
        Http.Reply refused = federation.get("/campaigns/2025/reports/SYNTHESE");
        assertEquals(403, refused.status());
        assertEquals("rapport-national", refused.json().path("code").asText());
    }
}
