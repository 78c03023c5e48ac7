package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * Import and export of a dossier on the real ministry assembly in demo mode: dry run with every problem located,
 * nothing stored by a refused apply, atomic apply, stale If-Match, export round trip in the three formats, and the
 * import wizard in headless Chromium with an axe-core scan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeIT {

    private static final long BOOT_TIMEOUT = 180_000;
    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;
    private static final String SIREN = "000000018";

    private static Distribution ministry;
    private static Http entry;
    private static long dossier;

    @BeforeAll
    static void start() throws Exception {
        ministry = Distribution.demo("ministry");
        entry = Http.token(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
        JsonNode list = Await.until("demo dossier", BOOT_TIMEOUT, () -> entry.get("/organisations/" + SIREN + "/dossiers").json(),
            dossiers -> openErDossier(dossiers) != 0);
        dossier = openErDossier(list);
        assertNotEquals(0, dossier, "the demo has an open ER 2025 dossier");
    }

    private static long openErDossier(JsonNode dossiers) {
        if (dossiers != null) {
            for (JsonNode candidate : dossiers) {
                if (candidate.path("year").asInt() == 2025 && candidate.path("questionnaireCode").asText().equals("ER")) {
                    return candidate.path("id").asLong();
                }
            }
        }
        return 0;
    }

    @AfterAll
    static void stop() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }


    private static String base() {
        return "/dossiers/" + dossier;
    }

    private static JsonNode current() {
        return entry.get(base()).json();
    }

    private static Http.Reply importCsv(String csv, boolean apply, String ifMatch) {
        return entry.upload("POST", base() + "/imports?format=csv&apply=" + apply, "text/csv",
            csv.getBytes(StandardCharsets.UTF_8), ifMatch);
    }

    private static List<String> codes(JsonNode problems) {
        List<String> codes = new ArrayList<>();
        problems.forEach(problem -> codes.add(problem.path("code").asText()));
        return codes;
    }

    @Test
    @Order(1)
    void theBuiltInMappingIsOfferedFirst() {
        JsonNode mappings = entry.get(base() + "/mappings").json();
        assertEquals("LIASSE", mappings.get(0).path("code").asText());
        assertTrue(mappings.get(0).path("builtIn").asBoolean());
        assertEquals("cellule", mappings.get(0).path("keyColumn").asText());
    }

    @Test
    @Order(2)
    void aDryRunLocatesEveryProblemAndAFileWithProblemsIsNeverApplied() {
        JsonNode before = current();
        String csv = "cellule;valeur\n"
            + "BILAN.IMMO.MONTANT;123 456,78\n"
            + "BILAN.TRESO.MONTANT;beaucoup\n"
            + "BILAN.NULLE_PART.MONTANT;5\n"
            + "IDENT.NOM.VALEUR;=HYPERLINK(\"http://exemple.invalid\")\n"
            + "BILAN.TOTAL_ACTIF.MONTANT;1\n";
        Http.Reply dryRun = importCsv(csv, false, null);
        assertEquals(200, dryRun.status(), dryRun.body());
        JsonNode report = dryRun.json();
        assertFalse(report.path("applied").asBoolean());
        assertEquals(5, report.path("lines").asInt());
        JsonNode problems = report.path("problems");
        assertEquals(List.of(3, 4, 5), List.of(problems.get(0).path("line").asInt(), problems.get(1).path("line").asInt(),
            problems.get(2).path("line").asInt()), problems.toString());
        assertEquals("injection-formule", problems.get(2).path("code").asText());
        assertEquals("cellule-inconnue", problems.get(1).path("code").asText());
        assertEquals("BILAN.TRESO.MONTANT", problems.get(0).path("cell").asText());
        problems.forEach(problem -> assertEquals(2, problem.path("column").asInt()));
        problems.forEach(problem -> assertFalse(problem.path("message").asText().isBlank()));
        assertEquals("BILAN.IMMO.MONTANT", report.path("changes").get(0).path("cell").asText());
        assertEquals("BILAN.TOTAL_ACTIF.MONTANT", report.path("ignored").get(0).path("cell").asText());

        Http.Reply refused = importCsv(csv, true, "\"" + before.path("revision").asLong() + "\"");
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("import-refuse", refused.json().path("code").asText());
        assertEquals(3, refused.json().path("errors").size(), refused.body());

        Http.Reply lying = entry.upload("POST", base() + "/imports?format=xlsx&apply=true", "application/octet-stream",
            csv.getBytes(StandardCharsets.UTF_8), "\"" + before.path("revision").asLong() + "\"");
        assertEquals(422, lying.status(), lying.body());
        assertEquals(List.of("contenu-non-conforme"), codes(lying.json().path("errors")));

        assertEquals(428, importCsv("cellule;valeur\nBILAN.IMMO.MONTANT;1\n", true, null).status());
        assertEquals(before, current(), "nothing is stored");
    }

    @Test
    @Order(3)
    void applyingSavesEveryCellAtOnceAndAStaleIfMatchIsRefused() {
        long revision = current().path("revision").asLong();
        String csv = "cellule;valeur\nBILAN.IMMO.MONTANT;123 456,78\nIDENT.ORG.EFFECTIF;42\n";
        Http.Reply applied = importCsv(csv, true, "\"" + revision + "\"");
        assertEquals(200, applied.status(), applied.body());
        assertTrue(applied.json().path("applied").asBoolean());
        assertEquals(2, applied.json().path("changes").size());
        long after = applied.json().path("revision").asLong();
        assertTrue(after > revision);
        JsonNode values = current().path("values");
        assertEquals(0, new java.math.BigDecimal(values.path("BILAN.IMMO.MONTANT").asText()).compareTo(new java.math.BigDecimal("123456.78")),
            values.toString());
        assertEquals("42", values.path("IDENT.ORG.EFFECTIF").asText());

        JsonNode before = current();
        Http.Reply stale = importCsv("cellule;valeur\nBILAN.IMMO.MONTANT;1\n", true, "\"" + revision + "\"");
        assertEquals(412, stale.status(), stale.body());
        assertEquals(before, current(), "nothing is stored");
    }

    @Test
    @Order(4)
    void anExportInEachFormatImportsBackWithoutAnyChange() {
        for (String format : List.of("csv", "xlsx", "xml")) {
            Http.Download file = entry.download(base() + "/export?format=" + format);
            assertEquals(200, file.status(), format);
            String disposition = file.header("Content-Disposition");
            assertTrue(disposition.startsWith("attachment; filename=\"dossier-" + dossier + "-ER-2025." + format + "\""), disposition);
            assertTrue(file.body().length > 0);
            if (format.equals("xlsx")) {
                assertEquals('P', file.body()[0]);
            } else {
                String text = new String(file.body(), StandardCharsets.UTF_8);
                assertTrue(text.contains("BILAN.IMMO.MONTANT"), text);
            }
            Http.Reply back = entry.upload("POST", base() + "/imports?format=" + format, "application/octet-stream",
                file.body(), null);
            assertEquals(200, back.status(), back.body());
            assertEquals(0, back.json().path("problems").size(), format + " " + back.body());
            assertEquals(0, back.json().path("changes").size(), format + " " + back.body());
        }
        byte[] workbook = entry.download(base() + "/export?format=xlsx").body();
        Http.Reply truncated = entry.upload("POST", base() + "/imports?format=xlsx", "application/octet-stream",
            Arrays.copyOf(workbook, workbook.length / 2), null);
        assertEquals(List.of("xlsx-illisible"), codes(truncated.json().path("problems")));
    }

    @Test
    @Order(5)
    void theImportWizardChecksThenAppliesAFileAccessibly() throws Exception {
        Path csv = Files.createTempFile("import-", ".csv");
        String base = "http://localhost:" + ministry.httpPort();
        try (Browser browser = new Browser(base)) {
            browser.open("/connexion.html").fill("login", "saisie.demo").fill("password", DEMO_PASSWORD).submit("connexion");
            browser.until(d -> !browser.location().startsWith("/connexion.html"));
            browser.open("/dossier/import.html?id=" + dossier);
            assertTrue(browser.byId("import-bloc").isDisplayed());
            assertEquals(3, browser.all("a[download][href*='/export?format=']").size());
            browser.checkPage("exchange-01-import");

            Files.writeString(csv, "cellule;valeur\nBILAN.TRESO.MONTANT;9 876,5\nBILAN.STOCKS.MONTANT;pas un nombre\n");
            browser.byId("fichier").sendKeys(csv.toAbsolutePath().toString());
            browser.submit("import");
            assertTrue(browser.message("import-messages", "erreur").contains("1 problème"));
            List<WebElement> cells = browser.all("#problemes tbody tr:first-child td");
            assertEquals("3", cells.get(0).getText());
            assertEquals("2", cells.get(1).getText());
            assertEquals("BILAN.STOCKS.MONTANT", cells.get(2).getText());
            assertFalse(cells.get(3).getText().isBlank());
            assertFalse(browser.byId("appliquer").isDisplayed(), "nothing to apply while the file has problems");
            browser.checkPage("exchange-02-rapport-problemes");

            Files.writeString(csv, "cellule;valeur\nBILAN.TRESO.MONTANT;9 876,5\n");
            browser.byId("fichier").sendKeys(csv.toAbsolutePath().toString());
            browser.submit("import");
            assertTrue(browser.message("import-messages", "succes").contains("appliquer"));
            assertEquals("BILAN.TRESO.MONTANT", browser.find("#modifications tbody th").getText());
            browser.byId("appliquer").click();
            browser.until(d -> browser.byId("import-messages").getText().contains("Import appliqué"));
            assertEquals("titre-rapport", browser.until(d -> d.switchTo().activeElement().getDomAttribute("id")));
            browser.checkPage("exchange-03-import-applique").checkReflow("exchange-03-import-zoom-200");
        } finally {
            Files.deleteIfExists(csv);
        }
        JsonNode values = current().path("values");
        assertEquals(0, new java.math.BigDecimal(values.path("BILAN.TRESO.MONTANT").asText()).compareTo(new java.math.BigDecimal("9876.5")),
            values.toString());
    }
}
