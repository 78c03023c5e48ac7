package org.liasse.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.liasse.api.report.ReportData;
import org.liasse.pdf.PdfArchive;

/**
 * Lays a report out on A4 pages: a title block, then each section's tables, each chart followed by its table (the
 * chart's figures as text); a header (report, organisation or perimeter) and a footer (campaign, generation time,
 * page n/m, and the fictional-data notice in demo mode) on every page. Not thread-safe: one instance per document.
 */
final class PdfReport {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TOP = PAGE.getHeight() - MARGIN - 24;
    private static final float BOTTOM = MARGIN + 30;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float CHART_HEIGHT = 190;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
        .withZone(ZoneId.of("Europe/Paris"));
    /** Shown on every page in demo mode. */
    static final String DEMO_NOTICE = "Données fictives — plateforme en mode démonstration";

    private final PDDocument document = new PDDocument();
    private final PdfText fonts = new PdfText(document);
    private final ReportData data;
    private PDPageContentStream content;
    private float y;

    private PdfReport(ReportData data) {
        this.data = data;
    }

    /** Writes the report's sections as a PDF. */
    static void write(ReportData data, List<Sections.Section> sections, OutputStream out) throws IOException {
        PdfReport report = new PdfReport(data);
        try (PDDocument document = report.document) {
            report.body(sections);
            report.decorate();
            document.save(out);
        }
    }

    private void body(List<Sections.Section> sections) throws IOException {
        PdfArchive.declare(document, data.report().title(), "Liasse", subject(),
            data.generatedAt().atZone(GENERATED.getZone()));
        newPage();
        text(fonts.bold(), 18, data.report().title(), 26);
        text(fonts.regular(), 11, subject(), 16);
        text(fonts.regular(), 11, data.campaignLabel(), 24);
        for (Sections.Section section : sections) {
            room(60);
            text(fonts.bold(), 14, section.title(), 20);
            for (Table table : section.tables()) {
                table(table, !table.title().equals(section.title()));
            }
        }
        content.close();
    }

    /** Who the report is about: the organisation, or the campaign's perimeter. */
    private String subject() {
        return data.organisation() == null ? data.perimeter()
            : data.organisation().name() + " — SIREN " + data.organisation().siren();
    }

    private void table(Table table, boolean titled) throws IOException {
        room(40);
        if (titled) {
            text(fonts.bold(), 10, table.title(), 15);
        }
        if (table.chart() != null) {
            room(CHART_HEIGHT + 10);
            ChartDrawer.draw(content, fonts, table.chart(), MARGIN, y, WIDTH, CHART_HEIGHT);
            y -= CHART_HEIGHT + 6;
            text(fonts.regular(), 7.5f, "Les valeurs du graphique figurent dans le tableau ci-dessous.", 12);
        }
        PdfTable.draw(this, table);
        y -= 14;
    }

    /**
     * A line of text at the cursor, then the cursor moves down by {@code advance}; too wide, its size shrinks down to
     * 70 % before it is cut.
     */
    private void text(PDFont font, float size, String text, float advance) throws IOException {
        content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        float width = PdfText.width(font, size, PdfText.safe(text));
        float fitted = width <= WIDTH ? size : Math.max(size * 0.7f, size * WIDTH / width);
        PdfText.draw(content, font, fitted, PdfText.fit(font, fitted, text, WIDTH), MARGIN, y - fitted, 0);
        y -= advance;
    }

    /** Starts a new page when less than {@code height} points are left. */
    void room(float height) throws IOException {
        if (y - height < BOTTOM) {
            content.close();
            newPage();
        }
    }

    /** The fonts of the document. */
    PdfText fonts() {
        return fonts;
    }

    /** The open page's content stream. */
    PDPageContentStream content() {
        return content;
    }

    /** Where the next line starts (top of the free space). */
    float y() {
        return y;
    }

    /** Moves the cursor down. */
    void advance(float height) {
        y -= height;
    }

    /** The left edge of the text. */
    static float left() {
        return MARGIN;
    }

    /** The width of the text. */
    static float width() {
        return WIDTH;
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Header and footer on every page, now that the number of pages is known. */
    private void decorate() throws IOException {
        int count = document.getNumberOfPages();
        String footer = data.campaignLabel() + " — généré le " + GENERATED.format(data.generatedAt());
        for (int n = 1; n <= count; n++) {
            try (PDPageContentStream page = new PDPageContentStream(document, document.getPage(n - 1),
                PDPageContentStream.AppendMode.APPEND, true, true)) {
                float top = PAGE.getHeight() - MARGIN + 8;
                page.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                PdfText.draw(page, fonts.bold(), 8, PdfText.fit(fonts.bold(), 8, data.report().title(), WIDTH / 2),
                    MARGIN, top, 0);
                PdfText.draw(page, fonts.regular(), 8, PdfText.fit(fonts.regular(), 8, subject(), WIDTH / 2 - 10),
                    MARGIN + WIDTH, top, 1);
                page.setStrokingColor(0.7f, 0.7f, 0.7f);
                page.setLineWidth(0.5f);
                page.moveTo(MARGIN, top - 5);
                page.lineTo(MARGIN + WIDTH, top - 5);
                page.moveTo(MARGIN, MARGIN + 10);
                page.lineTo(MARGIN + WIDTH, MARGIN + 10);
                page.stroke();
                PdfText.draw(page, fonts.regular(), 8, footer, MARGIN, MARGIN, 0);
                PdfText.draw(page, fonts.regular(), 8, "page " + n + "/" + count, MARGIN + WIDTH, MARGIN, 1);
                if (data.demo()) {
                    page.setNonStrokingColor(0.6f, 0.1f, 0.1f);
                    PdfText.draw(page, fonts.bold(), 8, DEMO_NOTICE, MARGIN + WIDTH / 2, MARGIN - 12, 0.5f);
                }
            }
        }
    }
}
