package org.liasse.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one document, DejaVu Sans regular, bold and oblique, embedded (subsets) as PDF/A requires, and how
 * text is made drawable with them: no-break and narrow no-break spaces kept as no-break spaces (a number or an
 * amount is never broken across lines), other white space made plain spaces, a character the fonts lack shown as
 * « ? ». A font object belongs to its document: load one set per document.
 *
 * @param regular running text
 * @param bold    titles and headers
 * @param italic  notes
 */
public record PdfFonts(PDFont regular, PDFont bold, PDFont italic) {

    private static final String[] FILES = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"};
    private static final char NO_BREAK_SPACE = '\u00a0';
    private static final Map<Integer, Boolean> DRAWABLE = new ConcurrentHashMap<>();
    /** Only asked which characters it has, never added to a document; the three files share their repertoire. */
    private static final TrueTypeFont CHECK = parse(FILES[1]);

    /** Loads the three fonts into a document, to be embedded when it is saved. */
    public static PdfFonts load(PDDocument document) {
        return new PdfFonts(load(document, FILES[0]), load(document, FILES[1]), load(document, FILES[2]));
    }

    private static PDFont load(PDDocument document, String file) {
        try (InputStream in = open(file)) {
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + file);
        if (in == null) {
            throw new IOException("police absente du bundle org.liasse.pdf : " + file);
        }
        return in;
    }

    private static TrueTypeFont parse(String file) {
        try (InputStream in = open(file)) {
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as the fonts can draw it (see the type's description). */
    public static String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (point == NO_BREAK_SPACE || point == '\u202f' || point == '\u2009' || point == '\u2007') {
                safe.append(NO_BREAK_SPACE);
            } else if (Character.isWhitespace(point) || Character.isSpaceChar(point)) {
                safe.append(' ');
            } else if (DRAWABLE.computeIfAbsent(point, PdfFonts::drawable)) {
                safe.appendCodePoint(point);
            } else {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    private static boolean drawable(int point) {
        try {
            return CHECK.getUnicodeCmapLookup().getGlyphId(point) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Width of a safe text, in points. */
    public static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
