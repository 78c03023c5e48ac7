package org.liasse.report;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.liasse.pdf.PdfFonts;

/**
 * Text in the report's embedded fonts ({@link PdfFonts}, DejaVu Sans): what they cannot draw is replaced, long texts
 * are cut with an ellipsis to fit a width. An instance holds the fonts of one document: a font object must not be
 * shared between documents.
 */
final class PdfText {

    private static final String ELLIPSIS = "…";

    private final PdfFonts fonts;

    /** The fonts of a document. */
    PdfText(PDDocument document) {
        fonts = PdfFonts.load(document);
    }

    /** Regular text. */
    PDFont regular() {
        return fonts.regular();
    }

    /** Titles and headers. */
    PDFont bold() {
        return fonts.bold();
    }

    /** The text with what the fonts cannot draw replaced (see {@link PdfFonts#safe}). */
    static String safe(String text) {
        return PdfFonts.safe(text);
    }

    /** Width of a safe text, in points. */
    static float width(PDFont font, float size, String text) {
        return PdfFonts.width(font, size, text);
    }

    /** The safe text, cut with an ellipsis so that it fits {@code maxWidth}. */
    static String fit(PDFont font, float size, String text, float maxWidth) {
        String safe = safe(text);
        if (width(font, size, safe) <= maxWidth) {
            return safe;
        }
        int end = safe.length();
        while (end > 0 && width(font, size, safe.substring(0, end) + ELLIPSIS) > maxWidth) {
            end--;
        }
        return safe.substring(0, end) + ELLIPSIS;
    }

    /** Draws a text with its baseline at (x, y): {@code align} 0 left, 0.5 centred, 1 right of x. */
    static void draw(PDPageContentStream content, PDFont font, float size, String text, float x, float y,
                     float align) throws IOException {
        String safe = safe(text);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x - align * width(font, size, safe), y);
        content.showText(safe);
        content.endText();
    }
}
