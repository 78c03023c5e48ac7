package org.liasse.exchange;

import java.math.BigDecimal;
import java.util.Locale;

import org.liasse.api.definition.FieldType;

/**
 * Whether an imported value would leave a stored value as it is, so that only real changes are checked, shown and
 * saved. Numbers are compared as numbers (written with a comma or spaces between thousands, as French software
 * exports them), yes/no answers as booleans, anything else as trimmed text.
 */
final class SameValue {

    private SameValue() {
    }

    /**
     * @param type     type of the cell, {@code null} when unknown
     * @param stored   canonical stored value, {@code null} when the cell is empty
     * @param imported value of the file, empty to clear the cell
     */
    static boolean same(FieldType type, String stored, String imported) {
        String value = imported == null ? "" : imported.strip();
        if (stored == null || stored.isEmpty()) {
            return value.isEmpty();
        }
        if (value.isEmpty()) {
            return false;
        }
        if (type != null && type.numeric()) {
            BigDecimal a = number(stored);
            BigDecimal b = number(value);
            return a != null && b != null && a.compareTo(b) == 0;
        }
        if (type == FieldType.BOOLEAN) {
            return bool(stored) != null && bool(stored).equals(bool(value));
        }
        return stored.strip().equals(value);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "oui" -> Boolean.TRUE;
            case "false", "non" -> Boolean.FALSE;
            default -> null;
        };
    }
}
