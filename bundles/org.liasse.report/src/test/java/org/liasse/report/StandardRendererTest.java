package org.liasse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ReportChart;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.ReportGrouping;
import org.liasse.api.definition.ReportScope;
import org.liasse.api.definition.ReportSection;
import org.liasse.api.definition.ReportSectionKind;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.report.ReportData;
import org.liasse.api.report.ReportFormat;
import org.liasse.api.report.ReportMeasure;
import org.liasse.api.report.ReportRow;
import org.liasse.api.report.ReportYear;
import org.liasse.exchange.FileExchange;
import org.liasse.pdf.VeraPdf;
import org.verapdf.pdfa.flavours.PDFAFlavour;

class StandardRendererTest {

    private static final SourceLocation AT = new SourceLocation("META-INF/liasse/reports/dis.json", 1, 1);
    private static final Organisation OPH = new Organisation("000000018", "Office du Val Fictif (FICTIF)", "OPH",
        "OPH", "84", "69", true);
    private static final Map<String, ReportMeasure> MEASURES = Map.of(
        "FRNG", new ReportMeasure("FRNG", "Fonds de roulement net global", "€"),
        "VACANCE_PCT", new ReportMeasure("VACANCE_PCT", "Taux de vacance", "%"),
        "CR.LOYERS.MONTANT", new ReportMeasure("CR.LOYERS.MONTANT", "Loyers – Montant", "€"));

    private final StandardRenderer renderer = new StandardRenderer(new FileExchange(), StatisticalSecret.DEFAULT);

    private static ReportData dossierReport() {
        ReportDefinition report = new ReportDefinition("DIS", "Diagnostic individuel de situation", ReportScope.DOSSIER,
            "QDIS", null, false, List.of(
                new ReportSection(ReportSectionKind.RATIOS, "Ratios clés", List.of("FRNG", "VACANCE_PCT"), List.of(),
                    List.of(), ReportChart.NONE),
                new ReportSection(ReportSectionKind.TREND, "Évolution sur cinq ans", List.of("FRNG"), List.of(),
                    List.of(), ReportChart.LINE),
                new ReportSection(ReportSectionKind.CELLS, "Loyers", List.of(), List.of("CR.LOYERS.MONTANT"),
                    List.of(), ReportChart.BAR)), AT);
        List<ReportYear> years = new ArrayList<>();
        for (int year = 2021; year <= 2025; year++) {
            years.add(new ReportYear(year, Map.of("FRNG", new BigDecimal(1_000_000 + 50_000 * (year - 2021)),
                "VACANCE_PCT", new BigDecimal("3.5"), "CR.LOYERS.MONTANT", new BigDecimal(900_000 + year))));
        }
        years.set(4, new ReportYear(2025, Map.of("FRNG", new BigDecimal("1234567.89"), "VACANCE_PCT",
            new BigDecimal("4.2"), "CR.LOYERS.MONTANT", new BigDecimal("902025"))));
        return new ReportData(report, 2025, "Campagne 2025", OPH, OPH.name(), MEASURES, years, List.of(),
            Instant.parse("2026-11-23T14:00:00Z"), true);
    }

    private static ReportData campaignReport() {
        ReportDefinition report = new ReportDefinition("STATS", "Statistiques de la fédération", ReportScope.CAMPAIGN,
            "QDIS", null, false, List.of(
                new ReportSection(ReportSectionKind.STATISTICS, "Fonds de roulement", List.of("FRNG"), List.of(),
                    List.of(ReportGrouping.DEPARTMENT, ReportGrouping.TYPE), ReportChart.BAR),
                new ReportSection(ReportSectionKind.COMPLETION, "Avancement", List.of(), List.of(),
                    List.of(ReportGrouping.TYPE), ReportChart.BAR)), AT);
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Organisation organisation = new Organisation("00000" + i, "Organisme " + i, i % 2 == 0 ? "OPH" : "ESH",
                "OPH", "84", i <= 4 ? "69" : "38", true);
            rows.add(new ReportRow(organisation, i <= 7, i <= 3,
                new ReportYear(2025, i <= 7 ? Map.of("FRNG", new BigDecimal(i * 100_000)) : Map.of())));
        }
        return new ReportData(report, 2025, "Campagne 2025", null, "Fédération OPH", MEASURES, List.of(), rows,
            Instant.parse("2026-11-23T14:00:00Z"), false);
    }

    private byte[] render(ReportData data, ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(data, format, out);
        return out.toByteArray();
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
    }

    /** Pixels of the first page drawn exactly in a palette colour. */
    private static int pixels(PDDocument document, int page, int[] rgb) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 100);
        int wanted = (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == wanted) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void theDossierReportShowsRatiosInFrenchNumbersTrendsAndCharts() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(render(dossierReport(), ReportFormat.PDF))) {
            String text = text(pdf);

            assertTrue(text.contains("Diagnostic individuel de situation"), text);
            assertTrue(text.contains("Office du Val Fictif (FICTIF) — SIREN 000000018"), text);
            assertTrue(text.contains("Fonds de roulement net global (€) 1 234 567,89 € 1 150 000 € 7,4 %"), text);
            assertTrue(text.contains("Taux de vacance (%) 4,2 % 3,5 % 20,0 %"), text);
            assertTrue(text.contains("2021 2022 2023 2024 2025"), text);
            assertTrue(text.contains("CR.LOYERS.MONTANT Loyers – Montant 902 025 € 902 024 €"), text);
            assertTrue(text.contains("Données fictives — plateforme en mode démonstration"), text);
            assertTrue(text.contains("page 1/" + pdf.getNumberOfPages()), text);
            assertTrue(text.contains("généré le 23/11/2026 à 15:00"), text);
            assertEquals("fr-FR", pdf.getDocumentCatalog().getLanguage());
            byte[] bytes = render(dossierReport(), ReportFormat.PDF);
            assertEquals(PDFAFlavour.PDFA_2_B, VeraPdf.flavour(bytes));
            assertEquals(List.of(), VeraPdf.failures(bytes), "veraPDF finds no failed rule");
            int first = 0;
            int second = 0;
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                first += pixels(pdf, page, ChartDrawer.PALETTE[0]);
                second += pixels(pdf, page, ChartDrawer.PALETTE[1]);
            }
            assertTrue(first > 500, "line markers and the 2024 bars drawn in the first colour: " + first);
            assertTrue(second > 500, "the 2025 bars drawn in the second colour: " + second);
        }
    }

    @Test
    void theCampaignReportConsolidatesByGroupWithQuartiles() throws IOException {
        render(dossierReport(), ReportFormat.PDF);
        try (PDDocument pdf = Loader.loadPDF(render(campaignReport(), ReportFormat.PDF))) {
            for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertTrue(font.getName().contains("DejaVuSans") && font.isEmbedded(),
                    "each document embeds its own fonts, even after another document: " + font.getName());
            }
            String text = text(pdf);

            assertTrue(text.contains("Ensemble Tous les organismes 7 2 800 000 € 100 000 € 250 000 € 400 000 € "
                + "550 000 € 700 000 €"), text);
            assertTrue(text.contains("Département 38 3 1 800 000 € 500 000 € 550 000 € 600 000 € 650 000 € "
                + "700 000 €"), text);
            assertTrue(text.contains("Type d'organisme OPH 3 1 200 000 €"), text);
            assertTrue(text.contains("Ensemble Tous les organismes 8 7 3 87,5 % 37,5 %"), text);
            assertTrue(!text.contains("Données fictives"), text);
            assertTrue(pixels(pdf, 0, ChartDrawer.PALETTE[1]) > 300, "medians drawn");
            assertTrue(pixels(pdf, 0, ChartDrawer.PALETTE[2]) > 300, "third quartiles drawn");
        }
    }

    @Test
    void theWorkbookHasOneSheetPerTableWithNumericCells() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(render(campaignReport(),
            ReportFormat.XLSX)))) {
            assertEquals(List.of("Rapport", "Fonds de roulement net global (", "Avancement"),
                List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)));
            Sheet statistics = workbook.getSheetAt(1);
            assertEquals("Médiane", statistics.getRow(0).getCell(6).getStringCellValue());
            assertEquals("Tous les organismes", statistics.getRow(1).getCell(1).getStringCellValue());
            assertEquals(2_800_000, statistics.getRow(1).getCell(3).getNumericCellValue());
            assertEquals(400_000, statistics.getRow(1).getCell(6).getNumericCellValue());
            assertEquals("Fédération OPH", workbook.getSheetAt(0).getRow(2).getCell(1).getStringCellValue());
        }
    }

    /** Four organisations of the Rhône, one alone in the Isère, whose figure must not be published. */
    private static ReportData oneOrganisationInADepartment(String alone) {
        ReportDefinition report = new ReportDefinition("STATS", "Statistiques de la fédération", ReportScope.CAMPAIGN,
            "QDIS", null, false, List.of(new ReportSection(ReportSectionKind.STATISTICS, "Fonds de roulement",
                List.of("FRNG"), List.of(), List.of(ReportGrouping.DEPARTMENT), ReportChart.BAR)), AT);
        List<ReportRow> rows = new ArrayList<>();
        List<String> values = List.of("110000", "120000", "130000", "140000", alone);
        for (int i = 0; i < values.size(); i++) {
            rows.add(new ReportRow(new Organisation("00000" + i, "Organisme " + i, "OPH", "OPH", "84",
                i < 4 ? "69" : "38", true), true, false, new ReportYear(2025, Map.of("FRNG",
                new BigDecimal(values.get(i))))));
        }
        return new ReportData(report, 2025, "Campagne 2025", null, "Fédération OPH", MEASURES, List.of(), rows,
            Instant.parse("2026-11-23T14:00:00Z"), false);
    }

    @Test
    void aDepartmentWithOneOrganisationIsAStatisticalSecretAndSoIsItsComplement() throws IOException {
        ReportData data = oneOrganisationInADepartment("135000");
        try (PDDocument pdf = Loader.loadPDF(render(data, ReportFormat.PDF))) {
            String text = text(pdf);
            assertTrue(text.contains("Département 38 1 secret statistique\n"), text);
            assertTrue(text.contains("Département 69 4 secret statistique"),
                "the Rhône too, or its total subtracted from the whole would give the Isère's: " + text);
            assertTrue(text.contains("Ensemble Tous les organismes 5 635 000 €"), "five organisations: " + text);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(render(data, ReportFormat.XLSX)))) {
            Sheet statistics = workbook.getSheetAt(1);
            Row isere = statistics.getRow(2);
            assertEquals("38", isere.getCell(1).getStringCellValue());
            assertEquals(1, isere.getCell(2).getNumericCellValue(), "the number of organisations is not secret");
            assertEquals("secret statistique", isere.getCell(3).getStringCellValue());
            for (int column = 4; column <= 8; column++) {
                assertTrue(isere.getCell(column) == null || isere.getCell(column).getStringCellValue().isEmpty(),
                    "no minimum, quartile or maximum: column " + column);
            }
            assertEquals("secret statistique", statistics.getRow(3).getCell(3).getStringCellValue());
        }
    }

    @Test
    void aGroupDominatedByOneOrganisationIsWithheld() throws IOException {
        StatisticalSecret secret = StatisticalSecret.DEFAULT;
        assertTrue(secret.reveals(List.of(new BigDecimal("1"), new BigDecimal("2"))), "two organisations");
        assertFalse(secret.reveals(List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"))));
        assertTrue(secret.reveals(List.of(new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("200"))),
            "one makes 91 % of the total");
        assertTrue(secret.reveals(List.of(new BigDecimal("-10"), new BigDecimal("5"), new BigDecimal("-200"))),
            "shares in absolute value");
        assertFalse(secret.reveals(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)));

        ReportData data = oneOrganisationInADepartment("5000000");
        try (PDDocument pdf = Loader.loadPDF(render(data, ReportFormat.PDF))) {
            String text = text(pdf);
            assertTrue(text.contains("Ensemble Tous les organismes 5 secret statistique"),
                "one organisation makes 90 % of the whole: " + text);
            assertFalse(text.contains("5 000 000 €"), text);
        }
    }

    @Test
    void theSettingsTuneTheSecret() throws IOException {
        StandardRenderer lenient = new StandardRenderer(new FileExchange(), new StatisticalSecret(1, 100));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lenient.render(oneOrganisationInADepartment("135000"), ReportFormat.PDF, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertTrue(text(pdf).contains("Département 38 1 135 000 €"), text(pdf));
        }
    }

    @Test
    void quartilesInterpolateBetweenRanks() {
        Distribution distribution = Distribution.of(List.of(new BigDecimal("4"), new BigDecimal("1"),
            new BigDecimal("3"), new BigDecimal("2")));

        assertEquals(new BigDecimal("1.75"), distribution.q1());
        assertEquals(new BigDecimal("2.5"), distribution.median());
        assertEquals(new BigDecimal("3.25"), distribution.q3());
        assertEquals(new BigDecimal("10"), distribution.total());
        assertEquals("-1 234 567,89", FrenchNumbers.format(new BigDecimal("-1234567.891")).replace('\u202f', ' '));
    }
}
