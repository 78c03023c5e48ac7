package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports on the real OPH federation assembly in demo mode: the DIS report of an organisation's QDIS dossier (PDF
 * read back as text and drawn to images, XLSX read with POI), the federation's consolidated statistics (national
 * operator over every organisation, federation operator over its own), rights (another organisation, an
 * organisation user on a campaign report), clear refusals (empty campaign, unknown report or format), the audit
 * log, and both pages in Chromium with axe.
 */
class ReportIT {

    private static final String OPH = "000000018";
    private static final String ESH = "000000026";
    /** The first series colour of the charts (ChartDrawer.PALETTE[0]). */
    private static final int FIRST_SERIES = (31 << 16) | (78 << 8) | 156;
    private static final Pattern FRENCH_EUROS = Pattern.compile("-?\\d{1,3}( \\d{3})+(,\\d{1,2})? €");

    private static Distribution platform;
    private static Http operator;
    private static Http federation;
    private static Http ophUser;
    private static Http eshUser;
    private static long dossier;

    @BeforeAll
    static void start() throws Exception {
        platform = Distribution.demo("oph",
            distribution -> distribution.setProperty("etc/org.liasse.demo.cfg", "questionnaires", "QDIS"));
        int port = platform.httpPort();
        operator = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
        federation = Accounts.operator(port, operator, "statistiques.oph", "CAMPAIGN_MANAGER", "OPH");
        ophUser = Http.token(port, "AD_" + OPH, Distribution.DEMO_PASSWORD);
        eshUser = Http.token(port, "AD_" + ESH, Distribution.DEMO_PASSWORD);
        for (JsonNode d : operator.get("/organisations/" + OPH + "/dossiers").json()) {
            if (d.path("year").asInt() == 2025 && d.path("questionnaireCode").asText().equals("QDIS")) {
                dossier = d.path("id").asLong();
            }
        }
        assertTrue(dossier > 0, "the demo's QDIS 2025 dossier of " + OPH);
        Http.Reply created = operator.post("/campaigns", "{\"year\":2026,\"label\":\"Campagne 2026\","
            + "\"opening\":\"2027-04-01\",\"deadline\":\"2027-07-31\",\"state\":\"OPEN\"}");
        assertEquals(201, created.status(), "an empty campaign: " + created.body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
    }

    private static int firstSeriesPixels(PDDocument pdf) throws IOException {
        int count = 0;
        PDFRenderer renderer = new PDFRenderer(pdf);
        for (int page = 0; page < pdf.getNumberOfPages(); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, 72);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xffffff) == FIRST_SERIES) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static List<String> codes(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        List<String> codes = new ArrayList<>();
        reply.json().forEach(report -> codes.add(report.path("code").asText()));
        return codes;
    }

    private static void refused(Http.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.json().path("code").asText(), reply.body());
        assertFalse(reply.json().path("detail").asText().isBlank());
    }

    @Test
    void theDisReportOfADossierHasItsRatiosTrendsAndCharts() throws IOException {
        assertEquals(List.of("DIS"), codes(ophUser.get("/dossiers/" + dossier + "/reports")));
        Http.Download pdf = ophUser.download("/dossiers/" + dossier + "/reports/DIS?format=pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertTrue(pdf.header("Content-Disposition").contains("DIS-" + OPH + "-2025.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = text(document);
            assertTrue(text.contains("Diagnostic individuel de situation (DIS)"), text);
            assertTrue(text.contains("SIREN " + OPH), text);
            assertTrue(text.contains("Situation financière : ratios clés"), text);
            assertTrue(text.contains("Indicateur 2025 2024 Variation"), text);
            assertTrue(text.contains("Fonds de roulement net global (€)"), text);
            assertTrue(text.contains("Fonds de roulement et trésorerie sur cinq ans"), text);
            assertTrue(text.contains("2023 2024 2025"), "at least three years of trend: " + text);
            assertTrue(FRENCH_EUROS.matcher(text).find(), "amounts written the French way: " + text);
            assertTrue(text.contains("Données fictives — plateforme en mode démonstration"), text);
            assertTrue(text.contains("page 1/" + document.getNumberOfPages()), text);
            assertTrue(firstSeriesPixels(document) > 300, "charts drawn in the first series colour");
        }
        Http.Download xlsx = ophUser.download("/dossiers/" + dossier + "/reports/DIS?format=xlsx");
        assertEquals(200, xlsx.status());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals("Rapport", workbook.getSheetName(0));
            Sheet ratios = workbook.getSheetAt(1);
            assertEquals("Fonds de roulement net global (€)", ratios.getRow(1).getCell(0).getStringCellValue());
            assertEquals("2024", ratios.getRow(0).getCell(2).getStringCellValue());
            assertEquals(CellType.NUMERIC, ratios.getRow(1).getCell(2).getCellType(), "the 2024 value, a number");
        }
    }

    @Test
    void anotherOrganisationNeitherListsNorDownloadsTheReport() {
        assertEquals(403, eshUser.get("/dossiers/" + dossier + "/reports").status());
        assertEquals(403, eshUser.download("/dossiers/" + dossier + "/reports/DIS").status());
        assertEquals(403, ophUser.get("/campaigns/2025/reports").status(), "campaign reports are for operators");
        refused(ophUser.get("/dossiers/" + dossier + "/reports/INCONNU"), 404, "rapport-inconnu");
        refused(ophUser.get("/dossiers/" + dossier + "/reports/DIS?format=doc"), 400, "format-inconnu");
    }

    @Test
    void theFederationStatisticsCoverTheCallersPerimeter() throws IOException {
        assertEquals(List.of("STATISTIQUES"), codes(operator.get("/campaigns/2024/reports")));
        Http.Download national = operator.download("/campaigns/2024/reports/STATISTIQUES?format=pdf");
        assertEquals(200, national.status());
        int organisations = operator.get("/organisations").json().size();
        try (PDDocument document = Loader.loadPDF(national.body())) {
            String text = text(document);
            assertTrue(text.contains("Statistiques consolidées de la fédération Tous les organismes"),
                "title and perimeter in the header: " + text);
            assertTrue(text.contains("Ensemble Tous les organismes " + organisations + " " + organisations + " "),
                "every organisation filed its 2024 dossier: " + text);
            assertTrue(Pattern.compile("Ensemble Tous les organismes " + organisations + " -?\\d").matcher(text)
                .find(), "consolidated figures over the filled dossiers of 2024: " + text);
            assertTrue(FRENCH_EUROS.matcher(text).find(), text);
            assertTrue(text.contains("1er quartile Médiane 3e quartile"), "the legend of the charts: " + text);
            assertTrue(text.contains("Département 69 1 secret statistique"),
                "a département with one organisation publishes none of its figures: " + text);
            assertTrue(firstSeriesPixels(document) > 100, "bars drawn");
        }

        assertEquals(List.of("STATISTIQUES"), codes(federation.get("/campaigns/2024/reports")));
        Http.Download own = federation.download("/campaigns/2024/reports/STATISTIQUES?format=xlsx");
        assertEquals(200, own.status());
        assertTrue(own.header("Content-Disposition").contains("STATISTIQUES-2024-OPH.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(own.body()))) {
            assertEquals("Fédération OPH", workbook.getSheet("Rapport").getRow(2).getCell(1).getStringCellValue());
            Sheet completion = workbook.getSheet("Avancement de la collecte");
            assertEquals("Tous les organismes", completion.getRow(1).getCell(1).getStringCellValue());
            assertEquals(1, completion.getRow(1).getCell(2).getNumericCellValue(), "the OPH organisation alone");
            assertEquals(1, completion.getRow(1).getCell(3).getNumericCellValue(), "its dossier exists");
            Sheet frng = workbook.getSheet("Fonds de roulement net global (");
            assertEquals(1, frng.getRow(1).getCell(2).getNumericCellValue(), "one organisation");
            assertEquals("secret statistique", frng.getRow(1).getCell(3).getStringCellValue(),
                "a federation of one organisation: its figures are a statistical secret");
            for (int sheet = 2; sheet < workbook.getNumberOfSheets(); sheet++) {
                if (workbook.getSheetAt(sheet).getRow(0).getCell(6).getStringCellValue().equals("Médiane")) {
                    for (Row row : workbook.getSheetAt(sheet)) {
                        for (Cell cell : row) {
                            assertTrue(cell.getColumnIndex() <= 2 || cell.getCellType() != CellType.NUMERIC,
                                "no figure of the organisation in " + workbook.getSheetName(sheet));
                        }
                    }
                }
            }
        }
    }

    @Test
    void anEmptyCampaignAndUnknownReportsAreClearlyRefused() {
        refused(operator.get("/campaigns/2026/reports/STATISTIQUES"), 422, "campagne-vide");
        refused(operator.get("/campaigns/2025/reports/INCONNU"), 404, "rapport-inconnu");
        refused(operator.get("/campaigns/1990/reports"), 404, "campagne-inconnue");

        Http.Reply audit = operator.get("/audit?limit=200");
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("rapport.genere"), "downloads are audited");
    }

    @Test
    void theReportPagesWorkInChromiumAndPassAxe() throws IOException {
        try (Browser browser = new Browser("http://localhost:" + platform.httpPort())) {
            browser.signIn("saisie.demo", Distribution.DEMO_PASSWORD, "/accueil.html");
            browser.open("/dossier/sommaire.html?id=" + dossier);
            browser.find("a[href='/dossier/rapports.html?id=" + dossier + "']").click();
            browser.awaitPage("/dossier/rapports.html");
            browser.until(d -> browser.all("#rapports tbody tr th").size() == 1);
            assertTrue(browser.byId("rapports").getText().contains("Diagnostic individuel de situation"));
            browser.checkPage("95-rapports-dossier");
            browser.find("button[data-rapport='DIS'][data-format='pdf']").click();
            browser.until(d -> browser.byId("rapports-messages").getText().contains("DIS-" + OPH + "-2025.pdf"));
        }
        try (Browser browser = new Browser("http://localhost:" + platform.httpPort())) {
            browser.signIn("operateur.demo", Distribution.DEMO_PASSWORD, "/operateur/organisations.html");
            browser.find("nav a[href='/operateur/rapports-campagne.html']").click();
            browser.awaitPage("/operateur/rapports-campagne.html");
            browser.choose("year", "2026");
            browser.submit("campagne");
            browser.until(d -> browser.byId("titre-liste").getText().contains("2026"));
            browser.find("button[data-rapport='STATISTIQUES'][data-format='xlsx']").click();
            browser.until(d -> browser.byId("rapports-messages").getText().contains("aucun dossier"));
            browser.choose("year", "2025");
            browser.submit("campagne");
            browser.until(d -> browser.byId("titre-liste").getText().contains("2025"));
            assertEquals("", browser.byId("rapports-messages").getText(), "the other campaign's refusal is gone");
            browser.checkPage("96-rapports-campagne");
            browser.find("button[data-rapport='STATISTIQUES'][data-format='xlsx']").click();
            browser.until(d -> browser.byId("rapports-messages").getText().contains("STATISTIQUES-2025.xlsx"));
        }
    }
}
