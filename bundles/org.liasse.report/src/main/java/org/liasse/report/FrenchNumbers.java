package org.liasse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers written the French way: thousands separated by a no-break space, a decimal comma, at most two decimals,
 * the unit after a no-break space ({@code 1 234 567,89 €}).
 */
final class FrenchNumbers {

    /** No-break space (U+00A0), which every PDF standard font can draw, unlike U+202F. */
    static final char SPACE = '\u00a0';
    private static final int DECIMALS = 2;

    private FrenchNumbers() {
    }

    /** A figure with its unit. */
    static String format(Figure figure) {
        String number = format(figure.value());
        return figure.unit().isEmpty() ? number : number + SPACE + figure.unit();
    }

    /** A number without unit. */
    static String format(BigDecimal value) {
        BigDecimal rounded = value.scale() > DECIMALS ? value.setScale(DECIMALS, RoundingMode.HALF_EVEN) : value;
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder text = new StringBuilder(rounded.signum() < 0 ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(SPACE);
            }
            text.append(whole.charAt(i));
        }
        if (point >= 0) {
            text.append(',').append(plain, point + 1, plain.length());
        }
        return text.toString();
    }
}
