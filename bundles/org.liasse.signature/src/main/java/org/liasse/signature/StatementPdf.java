package org.liasse.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.signature.Statement;
import org.liasse.api.signature.StatementLine;
import org.liasse.api.signature.StatementSection;

/**
 * Renders a statement as an A4 PDF for people: title, organisation, campaign, questionnaire, dossier, who signs and
 * when, then each fiche as a table (cell, label, value) over as many pages as needed, the table header repeated
 * on each page, and « Page n / N » at the foot. Standard Helvetica in WinAnsi encoding, which covers French; a
 * character it lacks is shown as « ? ». The catalog also carries a DSS dictionary (ISO 32000-2 §12.8.4.3) with
 * the certificates and CRLs needed to validate the signature later, so that they are covered by it.
 */
final class StatementPdf {

    /** Paris time, as the dates of the statement are shown. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu 'à' HH:mm:ss", Locale.FRENCH);
    private static final float MARGIN = 50;
    private static final float BOTTOM = 60;
    private static final float SIZE = 9;
    private static final float LEADING = 11.5f;
    private static final float CELL_X = MARGIN;
    private static final float CELL_WIDTH = 125;
    private static final float LABEL_X = CELL_X + CELL_WIDTH + 8;
    private static final float LABEL_WIDTH = 250;
    private static final float VALUE_RIGHT = PDRectangle.A4.getWidth() - MARGIN;
    private static final float VALUE_WIDTH = VALUE_RIGHT - (LABEL_X + LABEL_WIDTH + 8);

    private final PDDocument document = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    /** Whether WinAnsi, the encoding of the three fonts, has a code point. */
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    private StatementPdf() {
    }

    /** The PDF of a statement, not signed yet, with the given validation data in its DSS. */
    static byte[] render(Statement statement, List<X509Certificate> certificates, List<X509CRL> crls) {
        StatementPdf pdf = new StatementPdf();
        try (PDDocument document = pdf.document) {
            pdf.write(statement);
            pdf.validationData(certificates, crls);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Statement statement) throws IOException {
        Claims claims = Claims.of(statement);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(statement.questionnaireLabel() + " " + statement.year() + " — " + statement.organisationName());
        info.setAuthor(statement.organisationName());
        info.setSubject("Dossier " + statement.dossierId() + ", révision " + statement.revision());
        info.setCreator("Liasse");
        Calendar signedAt = GregorianCalendar.from(statement.signedAt().atZone(PARIS));
        info.setCreationDate(signedAt);
        document.getDocumentCatalog().setLanguage("fr-FR");

        newPage();
        line(bold, 16, statement.questionnaireLabel());
        y -= 4;
        line(regular, 11, "Campagne " + statement.year() + " — état signé électroniquement");
        y -= 8;
        field("Organisme", statement.organisationName());
        field("SIREN", statement.siren());
        field("Questionnaire", statement.questionnaireLabel() + " (code " + statement.questionnaireCode()
            + ", version " + statement.questionnaireVersion() + ")");
        field("Dossier", "n° " + statement.dossierId() + ", révision " + statement.revision());
        field("Signé par", claims.signedBy());
        field("Signé le", DATE.format(statement.signedAt().atZone(PARIS)) + " (heure de Paris)");
        y -= 4;
        for (String text : wrap(italic, 8, "Ce document porte le cachet électronique horodaté de la plateforme Liasse ; "
            + "toute modification le rend invalide. Les valeurs figurent aussi dans le fichier de données signé.", VALUE_RIGHT - MARGIN)) {
            line(italic, 8, text);
        }
        for (StatementSection section : statement.sections()) {
            section(section);
        }
        content.close();
        footers(statement);
    }

    private void section(StatementSection section) throws IOException {
        String title = section.code() + " — " + section.label();
        if (y - 3 * LEADING - 28 < BOTTOM) {
            newPage();
        } else {
            y -= 14;
        }
        line(bold, 11, title);
        if (section.lines().isEmpty()) {
            line(italic, SIZE, "Aucune valeur.");
            return;
        }
        header();
        for (StatementLine row : section.lines()) {
            List<String> cell = wrap(regular, SIZE, row.cell(), CELL_WIDTH);
            List<String> label = wrap(regular, SIZE, row.label(), LABEL_WIDTH);
            List<String> value = wrap(regular, SIZE, row.display(), VALUE_WIDTH);
            int lines = Math.max(cell.size(), Math.max(label.size(), value.size()));
            if (y - lines * LEADING - 4 < BOTTOM) {
                newPage();
                line(bold, 11, title + " (suite)");
                header();
            }
            float top = y;
            for (int i = 0; i < lines; i++) {
                float baseline = top - (i + 1) * LEADING + 2;
                if (i < cell.size()) {
                    text(regular, SIZE, CELL_X, baseline, cell.get(i));
                }
                if (i < label.size()) {
                    text(regular, SIZE, LABEL_X, baseline, label.get(i));
                }
                if (i < value.size()) {
                    text(regular, SIZE, VALUE_RIGHT - width(regular, SIZE, value.get(i)), baseline, value.get(i));
                }
            }
            y = top - lines * LEADING - 3;
            rule(0.85f);
        }
    }

    private void header() throws IOException {
        y -= 4;
        float baseline = y - LEADING + 2;
        text(bold, SIZE, CELL_X, baseline, "Cellule");
        text(bold, SIZE, LABEL_X, baseline, "Libellé");
        text(bold, SIZE, VALUE_RIGHT - width(bold, SIZE, "Valeur"), baseline, "Valeur");
        y -= LEADING + 3;
        rule(0.3f);
    }

    private void footers(Statement statement) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                PDPageContentStream.AppendMode.APPEND, true)) {
                String left = safe(regular, "Liasse — " + statement.organisationName() + " — dossier n° " + statement.dossierId()
                    + ", révision " + statement.revision());
                String right = "Page " + (i + 1) + " / " + count;
                show(foot, regular, 8, MARGIN, 30, left);
                show(foot, regular, 8, VALUE_RIGHT - width(regular, 8, right), 30, right);
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

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void field(String name, String value) throws IOException {
        float labelWidth = 90;
        List<String> lines = wrap(regular, 10, value, VALUE_RIGHT - MARGIN - labelWidth);
        text(bold, 10, MARGIN, y - 12, name + " :");
        for (String text : lines) {
            text(regular, 10, MARGIN + labelWidth, y - 12, text);
            y -= 14;
        }
    }

    private void line(PDFont font, float size, String text) throws IOException {
        text(font, size, MARGIN, y - size - 2, text);
        y -= size + 6;
    }

    private void rule(float gray) throws IOException {
        content.setStrokingColor(gray);
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y);
        content.lineTo(VALUE_RIGHT, y);
        content.stroke();
    }

    private void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
        show(content, font, size, x, baseline, safe(font, text));
    }

    private static void show(PDPageContentStream stream, PDFont font, float size, float x, float baseline, String text)
        throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    /** Breaks a text into lines of at most {@code width} points, at spaces, or inside a word too long for a line. */
    private List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        String clean = safe(font, text == null ? "" : text);
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

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The text with white space made plain spaces, except the no-break spaces inside numbers and before units (kept
     * as U+00A0, so a value is never broken across lines), and the characters the font cannot encode replaced by « ? ».
     */
    private String safe(PDFont font, String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (point == FrenchFormat.GROUP || point == FrenchFormat.BEFORE_UNIT) {
                result.append(FrenchFormat.BEFORE_UNIT);
            } else if (Character.isWhitespace(point) || Character.isSpaceChar(point)) {
                result.append(' ');
            } else if (encodable.computeIfAbsent(point, p -> canEncode(font, p))) {
                result.appendCodePoint(point);
            } else {
                result.append('?');
            }
        });
        return result.toString();
    }

    private static boolean canEncode(PDFont font, int point) {
        try {
            font.encode(new String(Character.toChars(point)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
