package org.liasse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text in the PDF's standard fonts (Helvetica, WinAnsi encoding: every French letter, the euro sign, the no-break
 * space): characters they cannot draw are replaced, long texts are cut with an ellipsis to fit a width. An instance
 * holds the fonts of one document: a font object must not be shared between documents.
 */
final class PdfText {

    /** Only asked which characters the fonts can encode, never added to a document. */
    private static final PDFont CHECK_REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont CHECK_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private static final String ELLIPSIS = "…";
    private static final Map<Character, Boolean> DRAWABLE = new ConcurrentHashMap<>();

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** Regular text. */
    PDFont regular() {
        return regular;
    }

    /** Titles and headers. */
    PDFont bold() {
        return bold;
    }

    /** The text with what the fonts cannot draw replaced: narrow spaces by no-break spaces, the rest by {@code ?}. */
    static String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            char drawn = c == '\u202f' || c == '\u2009' ? FrenchNumbers.SPACE : c;
            safe.append(DRAWABLE.computeIfAbsent(drawn, PdfText::drawable) ? drawn : '?');
        }
        return safe.toString();
    }

    /** Width of a safe text, in points. */
    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static boolean drawable(char c) {
        try {
            CHECK_REGULAR.encode(String.valueOf(c));
            CHECK_BOLD.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
