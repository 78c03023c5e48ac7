package org.liasse.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a table across pages: a shaded header row repeated on each page, striped lines, texts on the left and
 * figures on the right, French numbers.
 */
final class PdfTable {

    private static final float PADDING = 3;

    private PdfTable() {
    }

    /** Draws the table at the report's cursor. */
    static void draw(PdfReport report, Table table) throws IOException {
        int columns = table.headers().size();
        float size = columns > 5 ? 6.5f : 8.5f;
        float height = size + 7;
        float[] widths = widths(report.fonts(), table, size);
        boolean[] numeric = numeric(table);
        header(report, table, widths, numeric, size, height);
        boolean striped = false;
        for (List<Object> row : table.rows()) {
            float before = report.y();
            report.room(height);
            if (report.y() > before) {
                header(report, table, widths, numeric, size, height);
            }
            PDPageContentStream content = report.content();
            if (striped) {
                content.setNonStrokingColor(0.96f, 0.96f, 0.96f);
                content.addRect(PdfReport.left(), report.y() - height, PdfReport.width(), height);
                content.fill();
            }
            striped = !striped;
            content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            cells(content, report.fonts().regular(), size, row, widths, numeric, report.y() - height + 4.5f);
            report.advance(height);
        }
    }

    private static void header(PdfReport report, Table table, float[] widths, boolean[] numeric, float size,
                               float height)
        throws IOException {
        report.room(2 * height);
        PDPageContentStream content = report.content();
        content.setNonStrokingColor(0.86f, 0.89f, 0.94f);
        content.addRect(PdfReport.left(), report.y() - height, PdfReport.width(), height);
        content.fill();
        content.setNonStrokingColor(0.05f, 0.05f, 0.05f);
        cells(content, report.fonts().bold(), size, List.copyOf(table.headers()), widths, numeric,
            report.y() - height + 4.5f);
        report.advance(height);
    }

    private static void cells(PDPageContentStream content, PDFont font, float size, List<?> row, float[] widths,
                              boolean[] numeric, float baseline) throws IOException {
        float x = PdfReport.left();
        for (int c = 0; c < widths.length; c++) {
            Object value = c < row.size() ? row.get(c) : null;
            if (value != null) {
                String fitted = PdfText.fit(font, size, text(value), widths[c] - 2 * PADDING);
                PdfText.draw(content, font, size, fitted, numeric[c] ? x + widths[c] - PADDING : x + PADDING,
                    baseline, numeric[c] ? 1 : 0);
            }
            x += widths[c];
        }
    }

    /**
     * Each column as wide as its widest text (header in bold, lines) when the table fits the page; otherwise the
     * widths are scaled down together and the longest texts are cut.
     */
    private static float[] widths(PdfText fonts, Table table, float size) {
        int columns = table.headers().size();
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = PdfText.width(fonts.bold(), size, PdfText.safe(table.headers().get(c)));
        }
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < Math.min(columns, row.size()); c++) {
                if (row.get(c) != null) {
                    String text = PdfText.safe(text(row.get(c)));
                    widths[c] = Math.max(widths[c], PdfText.width(fonts.regular(), size, text));
                }
            }
        }
        float total = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] += 2 * PADDING + 2;
            total += widths[c];
        }
        float scale = PdfReport.width() / total;
        for (int c = 0; c < columns; c++) {
            widths[c] *= scale;
        }
        return widths;
    }

    /** The columns of figures (aligned on the right, header included): those without any text. */
    private static boolean[] numeric(Table table) {
        boolean[] numeric = new boolean[table.headers().size()];
        for (int c = 0; c < numeric.length; c++) {
            int column = c;
            numeric[c] = table.rows().stream().noneMatch(row -> column < row.size() && row.get(column) instanceof String);
        }
        return numeric;
    }

    /** What a cell shows: a figure or a number the French way, a text as it is. */
    private static String text(Object value) {
        if (value instanceof Figure figure) {
            return FrenchNumbers.format(figure);
        }
        return value instanceof Number ? FrenchNumbers.format(new BigDecimal(value.toString())) : value.toString();
    }
}
