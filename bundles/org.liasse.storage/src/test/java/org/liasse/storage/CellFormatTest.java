package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FieldType;

class CellFormatTest {

    private static ColumnDefinition column(FieldType type, int scale, int maxLength, List<String> codes) {
        return ColumnDefinition.of("C", "C", type, scale, maxLength, false, codes);
    }

    private static String canonical(ColumnDefinition column, String raw) {
        CellFormat.Parsed parsed = CellFormat.parse("F.R.C", column, raw);
        assertNull(parsed.error(), () -> "unexpected error " + parsed.error());
        return parsed.value().canonical();
    }

    private static String errorCode(ColumnDefinition column, String raw) {
        CellFormat.Parsed parsed = CellFormat.parse("F.R.C", column, raw);
        assertNull(parsed.value());
        assertEquals("F.R.C", parsed.error().field());
        return parsed.error().code();
    }

    @Test
    void amountsAcceptFrenchNotationAndStayExact() {
        ColumnDefinition amount = column(FieldType.AMOUNT, 2, 0, List.of());
        assertEquals("1234567.1", canonical(amount, " 1 234 567,10 "));
        assertEquals("0.1", canonical(amount, "0.10"));
        assertEquals("trop-de-decimales", errorCode(amount, "1,234"));
        assertEquals("nombre-invalide", errorCode(amount, "12abc"));
        assertEquals("nombre-trop-grand", errorCode(amount, "1" + "0".repeat(25)));
    }

    @Test
    void numbersAreNormalisedAndTheirExponentBounded() {
        ColumnDefinition amount = column(FieldType.AMOUNT, 2, 0, List.of());
        assertEquals("1.5", canonical(amount, "1.50000000"));
        assertEquals("1000", canonical(amount, "1E+3"));
        assertEquals("nombre-invalide", errorCode(amount, "0e-5000000"));
        assertEquals("nombre-invalide", errorCode(amount, "1e-100000000"));
        assertEquals("nombre-invalide", errorCode(amount, "1e+5000000"));
        CellFormat.Parsed zero = CellFormat.parse("F.R.C", amount, "0.000000000");
        assertEquals(0, zero.value().number().scale());
    }

    @Test
    void integersRefuseDecimals() {
        ColumnDefinition integer = column(FieldType.INTEGER, 0, 0, List.of());
        assertEquals("-42", canonical(integer, "-42"));
        assertEquals("entier-invalide", errorCode(integer, "4.2"));
    }

    @Test
    void textDateCodeAndBoolean() {
        assertEquals("texte-trop-long", errorCode(column(FieldType.TEXT, 0, 3, List.of()), "abcd"));
        assertEquals("abc", canonical(column(FieldType.TEXT, 0, 3, List.of()), "abc"));
        assertEquals("2025-12-31", canonical(column(FieldType.DATE, 0, 0, List.of()), "2025-12-31"));
        assertEquals("2025-12-31", canonical(column(FieldType.DATE, 0, 0, List.of()), "31/12/2025"));
        assertEquals("2026-06-01", canonical(column(FieldType.DATE, 0, 0, List.of()), "1/6/2026"));
        assertEquals("date-invalide", errorCode(column(FieldType.DATE, 0, 0, List.of()), "31/12/25"));
        assertEquals("date-invalide", errorCode(column(FieldType.DATE, 0, 0, List.of()), "31/02/2026"));
        assertEquals("date-invalide", errorCode(column(FieldType.DATE, 0, 0, List.of()), "+10000-01-01"));
        assertEquals("date-invalide", errorCode(column(FieldType.DATE, 0, 0, List.of()), "10000-01-01"));
        assertEquals("date-invalide", errorCode(column(FieldType.DATE, 0, 0, List.of()), "2025-02-30"));
        assertEquals("OPH", canonical(column(FieldType.CODE, 0, 0, List.of("OPH", "ESH")), "OPH"));
        assertEquals("code-inconnu", errorCode(column(FieldType.CODE, 0, 0, List.of("OPH", "ESH")), "XYZ"));
        assertEquals("true", canonical(column(FieldType.BOOLEAN, 0, 0, List.of()), "Oui"));
        assertEquals("booleen-invalide", errorCode(column(FieldType.BOOLEAN, 0, 0, List.of()), "peut-être"));
    }
}
