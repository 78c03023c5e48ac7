package org.liasse.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.signature.Statement;
import org.liasse.api.signature.StatementLine;
import org.liasse.api.signature.StatementSection;
import org.liasse.pdf.PdfArchive;
import org.liasse.pdf.PdfFonts;
import org.liasse.pdf.PdfTags;

/**
 * Renders a statement as an A4 PDF/A-2b for people, tagged for assistive technologies: a title, the organisation
 * and who signs, then each fiche with its guide de saisie and the tables the user filled (rows × columns, values
 * written the French way, the header row repeated on each page, the guide de saisie of filled cells as notes below
 * each table), a header naming the organisation and the campaign and « Page n / N » at the foot of every page. Fonts (DejaVu Sans) are embedded. The catalog also carries a DSS dictionary (ISO 32000-2
 * §12.8.4.3) with the certificates and CRLs needed to validate the signature later, so that they are covered by it.
 */
final class StatementPdf {

    /** Paris time, as the dates of the statement are shown. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final float MARGIN = 50;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN - 14;
    private static final float BOTTOM = 60;
    private static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;
    private static final float WIDTH = RIGHT - MARGIN;
    private static final float SIZE = 9;
    private static final float CODE_SIZE = 6.5f;
    private static final float LEADING = 11.5f;
    private static final float PADDING = 6;

    private final PDDocument document = new PDDocument();
    private final PdfFonts fonts = PdfFonts.load(document);
    private final PDFont regular = fonts.regular();
    private final PDFont bold = fonts.bold();
    private final PDFont italic = fonts.italic();
    private final PdfTags tags = new PdfTags(document);
    private final boolean form;
    private PDPageContentStream content;
    private float y;

    private StatementPdf(boolean form) {
        this.form = form;
    }

    /** The PDF of a statement, not signed yet, with the given validation data in its DSS. */
    static byte[] render(Statement statement, List<X509Certificate> certificates, List<X509CRL> crls) {
        return render(statement, false, certificates, crls);
    }

    /**
     * The blank form (« trame ») of a questionnaire: the statement's sections with every cell empty, titled as a form
     * to fill; its dossier, organisation and signer are not shown.
     */
    static byte[] form(Statement blank) {
        return render(blank, true, List.of(), List.of());
    }

    private static byte[] render(Statement statement, boolean form, List<X509Certificate> certificates,
                                 List<X509CRL> crls) {
        try {
            StatementPdf pdf = new StatementPdf(form);
            try (PDDocument document = pdf.document) {
                pdf.write(statement);
                pdf.validationData(certificates, crls);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String title(Statement statement) {
        return statement.questionnaireLabel() + " " + statement.year() + " — " + statement.organisationName();
    }

    private void write(Statement statement) throws IOException {
        ZonedDateTime signedAt = statement.signedAt().atZone(PARIS);
        if (form) {
            PdfArchive.declare(document, "Trame — " + statement.questionnaireLabel() + " " + statement.year(),
                "Liasse", "Questionnaire " + statement.questionnaireCode() + ", version "
                    + statement.questionnaireVersion(), signedAt);
            newPage(statement);
            paragraph(StandardStructureTypes.H1, bold, 16, statement.questionnaireLabel() + " " + statement.year());
            paragraph(StandardStructureTypes.P, regular, 11, "Trame de saisie, à compléter");
            y -= 6;
            field("Questionnaire", "code " + statement.questionnaireCode() + ", version "
                + statement.questionnaireVersion());
            field("Campagne", Integer.toString(statement.year()));
            y -= 4;
            paragraph(StandardStructureTypes.P, italic, 8, "Ce document aide à préparer les chiffres : il n’est ni "
                + "un dossier ni un état signé. Les valeurs se saisissent ou s’importent dans Liasse ; les cellules "
                + "« calculé » y sont calculées par la plateforme.");
            sections(statement);
            return;
        }
        PdfArchive.declare(document, title(statement), statement.organisationName(),
            "Dossier " + statement.dossierId() + ", révision " + statement.revision(), signedAt);
        Claims claims = Claims.of(statement);

        newPage(statement);
        paragraph(StandardStructureTypes.H1, bold, 16, statement.questionnaireLabel() + " " + statement.year());
        paragraph(StandardStructureTypes.P, regular, 11, "État signé électroniquement");
        y -= 6;
        field("Organisme", statement.organisationName() + " — SIREN " + statement.siren());
        field("Questionnaire", "code " + statement.questionnaireCode() + ", version " + statement.questionnaireVersion());
        field("Dossier", "n° " + statement.dossierId() + ", révision " + statement.revision());
        field("Signé par", claims.signedBy());
        field("Signé le", FrenchFormat.longDate(signedAt.toLocalDate()) + " à " + TIME.format(signedAt)
            + " (heure de Paris)");
        y -= 4;
        paragraph(StandardStructureTypes.P, italic, 8, "Ce document porte le cachet électronique horodaté de la "
            + "plateforme Liasse ; toute modification le rend invalide. Les valeurs figurent aussi, telles "
            + "qu’enregistrées, dans le fichier de données signé.");
        sections(statement);
    }

    /** The fiches, then the page furniture. */
    private void sections(Statement statement) throws IOException {
        for (StatementSection section : statement.sections()) {
            section(statement, section);
        }
        content.close();
        tags.finish();
        footers(statement);
    }

    /** A fiche: its title, then each of its tables as rows × columns. */
    private void section(Statement statement, StatementSection section) throws IOException {
        if (y - 4 * LEADING - 28 < BOTTOM) {
            newPage(statement);
        } else {
            y -= 12;
        }
        PDStructureElement part = tags.element(StandardStructureTypes.SECT, tags.body());
        heading(part, StandardStructureTypes.H2, section.label(), section.code());
        if (!section.help().isEmpty()) {
            paragraph(part, StandardStructureTypes.P, italic, SIZE, "Guide de saisie : " + section.help());
            y -= 2;
        }
        if (section.lines().isEmpty()) {
            paragraph(part, StandardStructureTypes.P, italic, SIZE, "Aucune valeur.");
            return;
        }
        Map<String, List<StatementLine>> tables = new LinkedHashMap<>();
        section.lines().forEach(line -> tables.computeIfAbsent(line.table(), t -> new ArrayList<>()).add(line));
        for (Map.Entry<String, List<StatementLine>> table : tables.entrySet()) {
            table(statement, part, section, table.getKey(), table.getValue());
        }
    }

    private void table(Statement statement, PDStructureElement part, StatementSection section, String title,
                       List<StatementLine> lines) throws IOException {
        List<String> columns = new ArrayList<>();
        Map<String, Map<String, StatementLine>> rows = new LinkedHashMap<>();
        for (StatementLine line : lines) {
            if (!columns.contains(line.column())) {
                columns.add(line.column());
            }
            rows.computeIfAbsent(line.row(), r -> new LinkedHashMap<>()).put(line.column(), line);
        }
        if (!title.isEmpty() && !title.equals(section.label())) {
            if (y - 3 * LEADING - 20 < BOTTOM) {
                newPage(statement);
            }
            y -= 4;
            paragraph(part, StandardStructureTypes.H3, bold, 10, title);
        }
        float labelWidth = columns.size() == 1 ? WIDTH * 0.62f : WIDTH * 0.34f;
        float columnWidth = (WIDTH - labelWidth) / columns.size();
        PDStructureElement table = tags.element(StandardStructureTypes.TABLE, part);
        header(table, columns, labelWidth, columnWidth);
        for (Map.Entry<String, Map<String, StatementLine>> row : rows.entrySet()) {
            StatementLine first = row.getValue().values().iterator().next();
            List<String> label = wrap(regular, SIZE, row.getKey(), labelWidth - PADDING);
            String code = rowCode(first.cell());
            List<List<String>> values = new ArrayList<>();
            int height = label.size();
            for (String column : columns) {
                StatementLine line = row.getValue().get(column);
                List<String> value = wrap(regular, SIZE, line == null ? "" : line.display(), columnWidth - PADDING);
                values.add(value);
                height = Math.max(height, value.size());
            }
            float needed = height * LEADING + CODE_SIZE + 6;
            if (y - needed < BOTTOM) {
                newPage(statement);
                paragraph(part, StandardStructureTypes.P, bold, 10, section.label() + " (suite)");
                table = tags.element(StandardStructureTypes.TABLE, part);
                header(table, columns, labelWidth, columnWidth);
            }
            float top = y;
            PDStructureElement tr = tags.element(StandardStructureTypes.TR, table);
            PDStructureElement th = tags.element(StandardStructureTypes.TH, tr);
            tags.mark(content, th, () -> {
                for (int i = 0; i < label.size(); i++) {
                    show(regular, SIZE, MARGIN, top - (i + 1) * LEADING + 2, label.get(i));
                }
                show(regular, CODE_SIZE, MARGIN, top - label.size() * LEADING - CODE_SIZE + 1, code);
            });
            for (int c = 0; c < columns.size(); c++) {
                List<String> value = values.get(c);
                float right = MARGIN + labelWidth + (c + 1) * columnWidth;
                PDStructureElement td = tags.element(StandardStructureTypes.TD, tr);
                tags.mark(content, td, () -> {
                    for (int i = 0; i < value.size(); i++) {
                        show(regular, SIZE, right - width(regular, SIZE, value.get(i)), top - (i + 1) * LEADING + 2,
                            value.get(i));
                    }
                });
            }
            y = top - Math.max(height * LEADING, label.size() * LEADING + CODE_SIZE) - 4;
            rule(0.85f);
        }
        notes(statement, part, lines);
    }

    /** The guide de saisie of the table's cells that have one, as notes below it. */
    private void notes(Statement statement, PDStructureElement part, List<StatementLine> lines) throws IOException {
        for (StatementLine line : lines) {
            if (!line.help().isEmpty()) {
                String note = "Note — " + line.row() + ", " + line.column() + " : " + line.help();
                if (y - 2 * LEADING < BOTTOM) {
                    newPage(statement);
                }
                y -= 2;
                paragraph(part, StandardStructureTypes.P, italic, 8, note);
            }
        }
    }

    /** The row part of a cell code {@code FICHE.LIGNE.COLONNE}, or the code itself. */
    private static String rowCode(String cell) {
        String[] parts = cell.split("\\.");
        return parts.length == 3 ? parts[1] : cell;
    }

    private void header(PDStructureElement table, List<String> columns, float labelWidth, float columnWidth)
        throws IOException {
        y -= 2;
        float top = y;
        List<List<String>> labels = new ArrayList<>();
        int height = 1;
        for (String column : columns) {
            List<String> label = wrap(bold, SIZE, column, columnWidth - PADDING);
            labels.add(label);
            height = Math.max(height, label.size());
        }
        PDStructureElement tr = tags.element(StandardStructureTypes.TR, table);
        PDStructureElement corner = tags.element(StandardStructureTypes.TH, tr);
        tags.mark(content, corner, () -> show(bold, SIZE, MARGIN, top - LEADING + 2, "Ligne"));
        for (int c = 0; c < columns.size(); c++) {
            List<String> label = labels.get(c);
            float right = MARGIN + labelWidth + (c + 1) * columnWidth;
            PDStructureElement th = tags.element(StandardStructureTypes.TH, tr);
            tags.mark(content, th, () -> {
                for (int i = 0; i < label.size(); i++) {
                    show(bold, SIZE, right - width(bold, SIZE, label.get(i)), top - (i + 1) * LEADING + 2, label.get(i));
                }
            });
        }
        y = top - height * LEADING - 3;
        rule(0.3f);
    }

    private void heading(PDStructureElement parent, String type, String title, String code) throws IOException {
        float baseline = y - 13;
        PDStructureElement heading = tags.element(type, parent);
        tags.mark(content, heading, () -> {
            show(bold, 11, MARGIN, baseline, title);
            show(regular, CODE_SIZE + 1, MARGIN + width(bold, 11, safe(title)) + 6, baseline, code);
        });
        y -= 19;
    }

    private void paragraph(String type, PDFont font, float size, String text) throws IOException {
        paragraph(tags.body(), type, font, size, text);
    }

    private void paragraph(PDStructureElement parent, String type, PDFont font, float size, String text)
        throws IOException {
        List<String> lines = wrap(font, size, text, WIDTH);
        float top = y;
        PDStructureElement element = tags.element(type, parent);
        tags.mark(content, element, () -> {
            for (int i = 0; i < lines.size(); i++) {
                show(font, size, MARGIN, top - (i + 1) * (size + 3) + 1, lines.get(i));
            }
        });
        y = top - lines.size() * (size + 3) - 3;
    }

    private void field(String name, String value) throws IOException {
        float labelWidth = 90;
        List<String> lines = wrap(regular, 10, value, WIDTH - labelWidth);
        float top = y;
        PDStructureElement element = tags.element(StandardStructureTypes.P, tags.body());
        tags.mark(content, element, () -> {
            show(bold, 10, MARGIN, top - 12, name + " :");
            for (int i = 0; i < lines.size(); i++) {
                show(regular, 10, MARGIN + labelWidth, top - 12 - i * 14, lines.get(i));
            }
        });
        y = top - lines.size() * 14;
    }

    private void footers(Statement statement) throws IOException {
        int count = document.getNumberOfPages();
        String left = safe(form ? "Liasse — trame du questionnaire " + statement.questionnaireCode() + ", version "
            + statement.questionnaireVersion() : "Liasse — dossier n° " + statement.dossierId() + ", révision "
            + statement.revision());
        for (int i = 0; i < count; i++) {
            String right = "Page " + (i + 1) + " / " + count;
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                PDPageContentStream.AppendMode.APPEND, true)) {
                PdfTags.artifact(foot, () -> {
                    draw(foot, regular, 8, MARGIN, 30, left);
                    draw(foot, regular, 8, RIGHT - width(regular, 8, right), 30, right);
                });
            }
        }
    }

    private void validationData(List<X509Certificate> certificates, List<X509CRL> crls) throws IOException, GeneralSecurityException {
        COSArray certs = new COSArray();
        for (X509Certificate certificate : certificates) {
            certs.add(stream(certificate.getEncoded()));
        }
        COSArray revocations = new COSArray();
        for (X509CRL crl : crls) {
            revocations.add(stream(crl.getEncoded()));
        }
        COSDictionary dss = new COSDictionary();
        dss.setItem(COSName.TYPE, COSName.getPDFName("DSS"));
        dss.setItem(COSName.getPDFName("Certs"), certs);
        dss.setItem(COSName.getPDFName("CRLs"), revocations);
        document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
    }

    private COSStream stream(byte[] der) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(der);
        }
        return stream;
    }

    /** A new page, with the organisation and the campaign in its header (page furniture). */
    private void newPage(Statement statement) throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        tags.page(page);
        content = new PDPageContentStream(document, page);
        String left = safe(form ? "Trame de saisie" : statement.organisationName() + " — SIREN " + statement.siren());
        String right = safe(statement.questionnaireLabel() + " " + statement.year());
        float baseline = PDRectangle.A4.getHeight() - MARGIN + 8;
        PdfTags.artifact(content, () -> {
            draw(content, regular, 8, MARGIN, baseline, left);
            draw(content, regular, 8, RIGHT - width(regular, 8, right), baseline, right);
            content.setStrokingColor(0.6f);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, baseline - 5);
            content.lineTo(RIGHT, baseline - 5);
            content.stroke();
        });
        y = TOP;
    }

    private void rule(float gray) throws IOException {
        PdfTags.artifact(content, () -> {
            content.setStrokingColor(gray);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        });
    }

    private void show(PDFont font, float size, float x, float baseline, String text) throws IOException {
        draw(content, font, size, x, baseline, safe(text));
    }

    private static void draw(PDPageContentStream stream, PDFont font, float size, float x, float baseline, String text)
        throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    /** Breaks a text into lines of at most {@code width} points, at spaces, or inside a word too long for a line. */
    private List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        String clean = safe(text == null ? "" : text);
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : clean.split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            for (char c : word.toCharArray()) {
                if (current.length() > 0 && width(font, size, current.toString() + c) > width) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(c);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static float width(PDFont font, float size, String text) {
        return PdfFonts.width(font, size, text);
    }

    private static String safe(String text) {
        return PdfFonts.safe(text);
    }
}
