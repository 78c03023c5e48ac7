package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The canonical form of a stored value is the one {@code stripTrailingZeros().toPlainString()} gives. */
class CellValueTest {

    /** Decimals whose canonical form is easy to get wrong: signs, zeros, scales, the limits of a long. */
    static final String[] TRICKY = {"0", "0.000000", "-0.000001", "0.000001", "0.1", "-0.1", "0.010", "1", "-1", "10",
        "-10.000000", "100.000000", "-100.500000", "123.456000", "1234567890123.123456", "922337203685.4775807",
        "9223372036854.775807", "-9223372036854.775808", "-9223372036854.775807", "9223372036854775807",
        "-9223372036854775808", "9999999999999999999999999.999999", "-9999999999999999999999999.999999",
        "10000000000000000000000000", "0.000000000000000000001", "5E+3", "-1.20E+2", "1E-20", "1.000000000000000000"};

    @Test
    void decimalsAreWrittenAsBeforeWithoutTheirTrailingZeros() {
        for (String tricky : TRICKY) {
            assertPlainAsBefore(new BigDecimal(tricky));
        }
        assertEquals("-100.5", CellValue.plain(new BigDecimal("-100.500000")));
        assertEquals("0", CellValue.plain(new BigDecimal("0.000000")));
        assertEquals("-0.000001", CellValue.plain(new BigDecimal("-0.000001")));
        assertEquals("5000", CellValue.plain(new BigDecimal("5E+3")));
    }

    @Test
    void randomDecimalsAreWrittenAsBefore() {
        Random random = new Random(2025);
        for (int i = 0; i < 100_000; i++) {
            long unscaled = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(1_000_000) * 1_000_000L;
                case 2 -> random.nextInt(2_000) - 1_000;
                default -> random.nextLong() / (1L << random.nextInt(63));
            };
            int scale = random.nextInt(12);
            assertPlainAsBefore(BigDecimal.valueOf(unscaled, scale));
            assertPlainAsBefore(new BigDecimal(BigInteger.valueOf(unscaled).shiftLeft(random.nextInt(40)), scale));
        }
    }

    @Test
    void textsAreKeptAsTheyAre() {
        assertEquals(" Oui ", new CellValue(null, " Oui ").canonical());
        assertEquals("", new CellValue(null, "").canonical());
        assertNull(new CellValue(null, null).canonical());
        assertEquals("12.5", new CellValue(new BigDecimal("12.50"), null).canonical());
    }

    private static void assertPlainAsBefore(BigDecimal number) {
        assertEquals(number.stripTrailingZeros().toPlainString(), CellValue.plain(number), number::toString);
    }
}
