package org.liasse.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.liasse.api.definition.ReportChart;

/**
 * Draws a bar or line chart as vector graphics: a legend, a vertical axis with round graduations and a grid, the
 * categories under the horizontal axis, then the bars (grouped by category) or the lines with square markers.
 */
final class ChartDrawer {

    /** Colours of the series, in order (RGB 0–255): distinct for colour-blind readers and on grey print. */
    static final int[][] PALETTE = {{31, 78, 156}, {217, 72, 15}, {43, 138, 62}, {134, 46, 156}, {201, 42, 42}};

    private static final float LEGEND = 16;
    private static final float AXIS_LABELS = 56;
    private static final float CATEGORY_LABELS = 18;
    private static final float FONT = 7;
    private static final float MARKER = 5;
    private static final int TICKS = 5;

    private ChartDrawer() {
    }

    /** Draws the chart in the box whose top-left corner is (x, top). */
    static void draw(PDPageContentStream content, PdfText fonts, Chart chart, float x, float top, float width,
                     float height) throws IOException {
        legend(content, fonts, chart, x, top);
        float left = x + AXIS_LABELS;
        float right = x + width - 8;
        float plotTop = top - LEGEND - 8;
        float bottom = top - height + CATEGORY_LABELS;
        List<BigDecimal> values = chart.series().stream().flatMap(series -> series.values().stream())
            .filter(Objects::nonNull).toList();
        double min = Math.min(0, values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0));
        double max = Math.max(0, values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1));
        double step = niceStep((max - min == 0 ? 1 : max - min) / TICKS);
        double low = Math.floor(min / step) * step;
        double high = Math.max(low + step, Math.ceil(max / step) * step);
        Scale scale = new Scale(low, high, bottom, plotTop);
        grid(content, fonts, chart, scale, step, left, right);
        int categories = chart.categories().size();
        float slot = (right - left) / Math.max(1, categories);
        content.setNonStrokingColor(0.2f, 0.2f, 0.2f);
        for (int c = 0; c < categories; c++) {
            float centre = left + slot * c + slot / 2;
            PdfText.draw(content, fonts.regular(), FONT,
                PdfText.fit(fonts.regular(), FONT, chart.categories().get(c), slot - 2), centre, bottom - 10, 0.5f);
        }
        if (chart.kind() == ReportChart.LINE) {
            lines(content, chart, scale, left, slot);
        } else {
            bars(content, chart, scale, left, slot);
        }
        content.setStrokingColor(0f, 0f, 0f);
        content.setLineWidth(0.8f);
        content.moveTo(left, plotTop);
        content.lineTo(left, bottom);
        content.moveTo(left, scale.y(0));
        content.lineTo(right, scale.y(0));
        content.stroke();
    }

    /** Maps values to heights. */
    private record Scale(double low, double high, float bottom, float top) {

        float y(double value) {
            return (float) (bottom + (value - low) / (high - low) * (top - bottom));
        }
    }

    private static void legend(PDPageContentStream content, PdfText fonts, Chart chart, float x, float top)
        throws IOException {
        float at = x + AXIS_LABELS;
        for (int s = 0; s < chart.series().size(); s++) {
            colour(content, s);
            content.addRect(at, top - 10, 8, 8);
            content.fill();
            content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            String name = chart.series().get(s).name();
            PdfText.draw(content, fonts.regular(), FONT + 1, name, at + 11, top - 9, 0);
            at += 11 + PdfText.width(fonts.regular(), FONT + 1, PdfText.safe(name)) + 14;
        }
    }

    private static void grid(PDPageContentStream content, PdfText fonts, Chart chart, Scale scale, double step,
                             float left, float right) throws IOException {
        content.setLineWidth(0.4f);
        content.setStrokingColor(0.85f, 0.85f, 0.85f);
        content.setNonStrokingColor(0.2f, 0.2f, 0.2f);
        for (double tick = scale.low(); tick <= scale.high() + step / 2; tick += step) {
            float y = scale.y(tick);
            content.moveTo(left, y);
            content.lineTo(right, y);
            content.stroke();
            BigDecimal value = BigDecimal.valueOf(tick).setScale(step < 1 ? 2 : 0, RoundingMode.HALF_EVEN);
            PdfText.draw(content, fonts.regular(), FONT, FrenchNumbers.format(value), left - 4, y - 2.5f, 1);
        }
        if (!chart.unit().isEmpty()) {
            PdfText.draw(content, fonts.bold(), FONT, chart.unit(), left - 4, scale.top() + 6, 1);
        }
    }

    private static void bars(PDPageContentStream content, Chart chart, Scale scale, float left, float slot)
        throws IOException {
        int count = chart.series().size();
        float bar = slot * 0.7f / Math.max(1, count);
        for (int s = 0; s < count; s++) {
            colour(content, s);
            List<BigDecimal> values = chart.series().get(s).values();
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) != null) {
                    float x = left + slot * c + slot * 0.15f + bar * s;
                    float zero = scale.y(0);
                    float y = scale.y(values.get(c).doubleValue());
                    content.addRect(x, Math.min(zero, y), bar * 0.9f, Math.abs(y - zero));
                }
            }
            content.fill();
        }
    }

    private static void lines(PDPageContentStream content, Chart chart, Scale scale, float left, float slot)
        throws IOException {
        for (int s = 0; s < chart.series().size(); s++) {
            colour(content, s);
            List<BigDecimal> values = chart.series().get(s).values();
            content.setLineWidth(1.5f);
            boolean drawing = false;
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) == null) {
                    drawing = false;
                    continue;
                }
                float x = left + slot * c + slot / 2;
                float y = scale.y(values.get(c).doubleValue());
                if (drawing) {
                    content.lineTo(x, y);
                } else {
                    content.moveTo(x, y);
                    drawing = true;
                }
            }
            content.stroke();
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) != null) {
                    content.addRect(left + slot * c + slot / 2 - MARKER / 2,
                        scale.y(values.get(c).doubleValue()) - MARKER / 2, MARKER, MARKER);
                }
            }
            content.fill();
        }
    }

    private static void colour(PDPageContentStream content, int series) throws IOException {
        int[] rgb = PALETTE[series % PALETTE.length];
        content.setNonStrokingColor(rgb[0] / 255f, rgb[1] / 255f, rgb[2] / 255f);
        content.setStrokingColor(rgb[0] / 255f, rgb[1] / 255f, rgb[2] / 255f);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
