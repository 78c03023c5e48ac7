package org.liasse.extender.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.liasse.api.format.FrenchFormat;

/**
 * Exact numbers as fixed-point {@code long}s counting millionths ({@link #SCALE} decimals), with sentinels for an
 * empty value, a value that needs {@link BigDecimal} (more decimals or too large) and an unreadable stored value.
 * Every fast operation either gives the exact result or {@link #INEXACT}, and the caller then redoes the
 * computation with {@link BigDecimal}: results never depend on which path ran.
 */
public final class Values {

    /** Decimals of the fixed-point representation. */
    public static final int SCALE = 6;
    /** 10^{@link #SCALE}. */
    public static final long ONE = 1_000_000L;
    /** An empty value. */
    public static final long EMPTY = Long.MIN_VALUE;
    /** A value that must be computed with {@link BigDecimal}. */
    public static final long INEXACT = Long.MIN_VALUE + 1;
    /** A stored value that cannot be read as its cell's type (in slots only, never a result). */
    public static final long UNREADABLE = Long.MIN_VALUE + 2;
    /** Every sentinel is at most this; every ordinary value is greater. */
    public static final long LIMIT = Long.MIN_VALUE + 2;
    /** Condition results. */
    public static final int TRUE = 1;
    /** Condition results. */
    public static final int FALSE = 0;
    /** A condition that does not apply (an operand is empty). */
    public static final int UNKNOWN = -1;

    /** 16 significant digits, the precision of a quotient (as in computed-cell formulas). */
    static final long QUOTIENT_LIMIT = 10_000_000_000_000_000L;
    private static final long MAX_FAST = Long.MAX_VALUE / 10;
    private static final BigInteger MIN_LONG = BigInteger.valueOf(LIMIT + 1);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /** A fixed-point number, or {@link #INEXACT} when it does not fit. */
    public static long fixed(BigDecimal value) {
        if (value.scale() > SCALE) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > SCALE) {
                return INEXACT;
            }
            value = stripped;
        }
        BigInteger units = value.setScale(SCALE).unscaledValue();
        return units.compareTo(MIN_LONG) < 0 || units.compareTo(MAX_LONG) > 0 ? INEXACT : units.longValue();
    }

    /**
     * Reads a canonical number ({@code -1234.5}) into fixed point; {@link #INEXACT} when it needs a
     * {@link BigDecimal}, {@link #UNREADABLE} when it is not a number.
     */
    public static long parse(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i++;
        }
        long units = 0;
        int decimals = -1;
        int digits = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && decimals < 0) {
                decimals = 0;
            } else if (c >= '0' && c <= '9') {
                if (decimals >= 0 && ++decimals > SCALE || units > MAX_FAST / 10) {
                    return slowParse(text);
                }
                units = units * 10 + (c - '0');
                digits++;
            } else {
                return slowParse(text);
            }
        }
        if (digits == 0) {
            return UNREADABLE;
        }
        for (int d = Math.max(decimals, 0); d < SCALE; d++) {
            if (units > MAX_FAST) {
                return slowParse(text);
            }
            units *= 10;
        }
        return negative ? -units : units;
    }

    private static long slowParse(String text) {
        try {
            return fixed(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return UNREADABLE;
        }
    }

    /** The exact value of a fixed-point number. */
    public static BigDecimal decimal(long fixed) {
        return BigDecimal.valueOf(fixed, SCALE);
    }

    /** Adds two ordinary fixed-point numbers, {@link #INEXACT} on overflow. */
    static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 || sum <= LIMIT ? INEXACT : sum;
    }

    /** Subtracts two ordinary fixed-point numbers, {@link #INEXACT} on overflow. */
    static long subtract(long a, long b) {
        long difference = a - b;
        return ((a ^ b) & (a ^ difference)) < 0 || difference <= LIMIT ? INEXACT : difference;
    }

    /** Multiplies two ordinary fixed-point numbers, {@link #INEXACT} when the product needs more room or decimals. */
    static long multiply(long a, long b) {
        if (Math.abs(a) < Math.abs(b)) {
            long swap = a;
            a = b;
            b = swap;
        }
        // a * b / ONE = (a / ONE) * b + (a % ONE) * b / ONE, with |b| the smaller operand
        long whole = a / ONE;
        long part = a % ONE;
        long high = Math.multiplyHigh(whole, b);
        long first = whole * b;
        if ((high != 0 || first < 0) && (high != -1 || first >= 0)) {
            return INEXACT;
        }
        if (Math.abs(b) > Long.MAX_VALUE / ONE) {
            return INEXACT;
        }
        long second = part * b;
        if (second % ONE != 0) {
            return INEXACT;
        }
        return add(first, second / ONE);
    }

    /**
     * Divides an ordinary fixed-point number by a constant through its exact fixed-point reciprocal, {@link #INEXACT}
     * when the quotient needs more room, decimals or significant digits.
     */
    static long byReciprocal(long a, long reciprocal) {
        long quotient = multiply(a, reciprocal);
        return quotient >= QUOTIENT_LIMIT || quotient <= -QUOTIENT_LIMIT ? INEXACT : quotient;
    }

    /** Multiplies an ordinary fixed-point number by a whole number, {@link #INEXACT} on overflow. */
    static long multiplyWhole(long a, long whole) {
        long high = Math.multiplyHigh(a, whole);
        long low = a * whole;
        if ((high != 0 || low < 0) && (high != -1 || low >= 0) || low <= LIMIT) {
            return INEXACT;
        }
        return low;
    }

    /**
     * Divides two ordinary fixed-point numbers when the quotient is exact within {@link #SCALE} decimals and 16
     * significant digits; {@link #EMPTY} for a division by zero, else {@link #INEXACT}.
     */
    static long divide(long a, long b) {
        if (b == 0) {
            return EMPTY;
        }
        long quotient = truncatedQuotient(a, b);
        if (quotient == INEXACT || quotient == INEXACT_QUOTIENT) {
            return INEXACT;
        }
        return quotient;
    }

    /** Marks, in {@link #truncatedQuotient}, a quotient that has more decimals than {@link #SCALE}. */
    static final long INEXACT_QUOTIENT = Long.MIN_VALUE + 3;
    /**
     * The quotient {@code a / b} of two ordinary fixed-point numbers ({@code b ≠ 0}) truncated toward zero to
     * {@link #SCALE} decimals, when it is below 10^10 in magnitude (so that 16 significant digits keep at least
     * {@link #SCALE} decimals). Returns it when exact; {@link #INEXACT_QUOTIENT} when not exact; {@link #INEXACT}
     * when out of range.
     */
    static long truncatedQuotient(long a, long b) {
        long whole = a / b;
        long rest = (a - whole * b) * ONE;
        if (Math.abs(whole) >= QUOTIENT_LIMIT / ONE || Math.abs(b) > Long.MAX_VALUE / ONE) {
            return INEXACT;
        }
        long part = rest / b;
        return rest - part * b == 0 ? whole * ONE + part : INEXACT_QUOTIENT;
    }

    /** Half-up rounding of exact numbers. */
    static BigDecimal round(BigDecimal value, int digits) {
        return value.setScale(digits, RoundingMode.HALF_UP);
    }

    /**
     * A value as French text ({@link FrenchFormat}): numbers with a narrow no-break space between thousands and a
     * decimal comma, without trailing zeros ({@code 1 234,5}); {@code oui} / {@code non}; text as it is (the caller
     * writes dates JJ/MM/AAAA); {@code (vide)}.
     */
    public static String french(Object value) {
        if (value == null) {
            return "(vide)";
        }
        if (value instanceof Boolean b) {
            return b ? "oui" : "non";
        }
        if (value instanceof BigDecimal number) {
            return french(number);
        }
        return value.toString();
    }

    private static String french(BigDecimal number) {
        return FrenchFormat.number(number.stripTrailingZeros());
    }
}
