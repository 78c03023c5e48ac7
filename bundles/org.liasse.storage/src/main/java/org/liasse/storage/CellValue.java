package org.liasse.storage;

import java.math.BigDecimal;
import java.math.BigInteger;

/** A stored value: exactly one of the two is set. */
record CellValue(BigDecimal number, String text) {

    /** The canonical text form used by the API. */
    String canonical() {
        return number != null ? plain(number) : text;
    }

    /**
     * {@code number.stripTrailingZeros().toPlainString()}, written straight from the unscaled value when it fits in
     * a long: a campaign scan converts every stored amount this way.
     */
    static String plain(BigDecimal number) {
        BigInteger unscaled = number.unscaledValue();
        int scale = number.scale();
        if (scale < 0 || unscaled.bitLength() >= Long.SIZE - 1) {
            return number.stripTrailingZeros().toPlainString();
        }
        long value = unscaled.longValue();
        for (; scale > 0 && value % 10 == 0; scale--) {
            value /= 10;
        }
        if (scale == 0) {
            return Long.toString(value);
        }
        String digits = Long.toString(Math.abs(value));
        int point = digits.length() - scale;
        StringBuilder plain = new StringBuilder(digits.length() + Math.max(0, -point) + 3);
        if (value < 0) {
            plain.append('-');
        }
        if (point > 0) {
            plain.append(digits, 0, point).append('.').append(digits, point, digits.length());
        } else {
            plain.append("0.").append("0".repeat(-point)).append(digits);
        }
        return plain.toString();
    }
}
