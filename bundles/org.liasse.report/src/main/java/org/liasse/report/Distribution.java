package org.liasse.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The consolidated statistics of a measure over a group of organisations: count, total, minimum, quartiles (linear
 * interpolation between the closest ranks, as a spreadsheet's {@code QUARTILE.INC}), median and maximum.
 *
 * @param count  organisations with a value
 * @param total  sum, {@code null} when none
 * @param min    minimum
 * @param q1     first quartile
 * @param median median
 * @param q3     third quartile
 * @param max    maximum
 */
record Distribution(int count, BigDecimal total, BigDecimal min, BigDecimal q1, BigDecimal median, BigDecimal q3,
                    BigDecimal max) {

    private static final int SCALE = 2;

    /** The statistics of some values (sorted here). */
    static Distribution of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new Distribution(0, null, null, null, null, null, null);
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        BigDecimal total = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Distribution(sorted.size(), total, sorted.get(0), quantile(sorted, 1, 4), quantile(sorted, 1, 2),
            quantile(sorted, 3, 4), sorted.get(sorted.size() - 1));
    }

    /** The quantile {@code numerator / denominator} of sorted values, to two decimals at most. */
    static BigDecimal quantile(List<BigDecimal> sorted, int numerator, int denominator) {
        int last = sorted.size() - 1;
        int below = last * numerator / denominator;
        BigDecimal fraction = BigDecimal.valueOf(last * numerator % denominator)
            .divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64);
        BigDecimal low = sorted.get(below);
        BigDecimal value = below == last ? low : low.add(sorted.get(below + 1).subtract(low).multiply(fraction));
        BigDecimal rounded = value.setScale(Math.min(value.scale(), SCALE), RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
