package org.liasse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.liasse.api.format.FrenchFormat;

/**
 * Figures of reports written the French way ({@link FrenchFormat}: {@code 1 234 567,89 €}), with at most two
 * decimals.
 */
final class FrenchNumbers {

    private static final int DECIMALS = 2;

    private FrenchNumbers() {
    }

    /** A figure with its unit. */
    static String format(Figure figure) {
        return FrenchFormat.withUnit(format(figure.value()), figure.unit());
    }

    /** A number without unit. */
    static String format(BigDecimal value) {
        return FrenchFormat.number(value.scale() > DECIMALS ? value.setScale(DECIMALS, RoundingMode.HALF_EVEN) : value);
    }
}
