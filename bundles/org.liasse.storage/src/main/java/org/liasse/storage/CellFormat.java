package org.liasse.storage;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.error.FieldError;
import org.liasse.api.format.FrenchFormat;

/**
 * Format controls run at save: parses what a user typed into the stored form, or explains in French why not.
 * Accepts a comma as decimal separator, spaces as thousands separators and dates JJ/MM/AAAA, as French users type them.
 */
final class CellFormat {

    /** Largest magnitude a DECIMAL(31, 6) column holds. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(25);
    /**
     * Largest scale, either sign, of a number as written ({@code 1e-40}, {@code 0.000…}): beyond, normalising and
     * computing with it would cost time in proportion to its exponent ({@code 0e-5000000} is five million digits).
     */
    private static final int MAX_WRITTEN_SCALE = 40;

    private CellFormat() {
    }

    /** Outcome of parsing one cell: a value or an error. */
    record Parsed(CellValue value, FieldError error) {
    }

    static Parsed parse(String cell, ColumnDefinition column, String raw) {
        String input = raw.strip();
        return switch (column.type()) {
            case INTEGER -> bounded(cell, column, integer(cell, input));
            case DECIMAL, AMOUNT, PERCENTAGE -> bounded(cell, column, decimal(cell, column.scale(), input));
            case TEXT -> input.length() <= column.maxLength()
                ? text(input)
                : error(cell, "texte-trop-long", "Le texte dépasse " + column.maxLength() + " caractères.");
            case DATE -> date(cell, input);
            case CODE -> column.codes().contains(input)
                ? text(input)
                : error(cell, "code-inconnu", "La valeur « " + input + " » ne fait pas partie de la liste : "
                    + String.join(", ", column.codes()) + ".");
            case BOOLEAN -> bool(cell, input);
        };
    }

    private static Parsed bounded(String cell, ColumnDefinition column, Parsed parsed) {
        if (parsed.error() != null) {
            return parsed;
        }
        BigDecimal value = parsed.value().number();
        if (column.min() != null && value.compareTo(column.min()) < 0) {
            return error(cell, "valeur-trop-petite", "La valeur doit être au moins " + french(column.min()) + ".");
        }
        if (column.max() != null && value.compareTo(column.max()) > 0) {
            return error(cell, "valeur-trop-grande", "La valeur doit être au plus " + french(column.max()) + ".");
        }
        return parsed;
    }

    private static String french(BigDecimal number) {
        return FrenchFormat.number(number.stripTrailingZeros());
    }

    private static Parsed integer(String cell, String input) {
        try {
            BigDecimal value = new BigDecimal(new BigInteger(numeric(input)));
            return inRange(cell, value);
        } catch (NumberFormatException e) {
            return error(cell, "entier-invalide", "« " + input + " » n'est pas un nombre entier.");
        }
    }

    private static Parsed decimal(String cell, int scale, String input) {
        BigDecimal value;
        try {
            value = new BigDecimal(numeric(input));
        } catch (NumberFormatException e) {
            return error(cell, "nombre-invalide", "« " + input + " » n'est pas un nombre.");
        }
        if (Math.abs(value.scale()) > MAX_WRITTEN_SCALE) {
            return error(cell, "nombre-invalide", "« " + input + " » : exposant hors limites, écrire "
                + "le nombre en chiffres.");
        }
        BigDecimal normalised = value.stripTrailingZeros();
        if (normalised.scale() > scale) {
            return error(cell, "trop-de-decimales", "Au plus " + scale + " chiffres après la virgule.");
        }
        return inRange(cell, normalised.scale() < 0 ? normalised.setScale(0) : normalised);
    }

    private static Parsed inRange(String cell, BigDecimal value) {
        if (value.abs().compareTo(LIMIT) >= 0) {
            return error(cell, "nombre-trop-grand", "Le nombre est trop grand.");
        }
        return new Parsed(new CellValue(value, null), null);
    }

    private static Parsed date(String cell, String input) {
        return FrenchFormat.parseDate(input).map(date -> text(date.toString())).orElseGet(() -> error(cell,
            "date-invalide", "« " + input + " » n'est pas une date : écrivez-la JJ/MM/AAAA (année à quatre chiffres)."));
    }

    private static Parsed bool(String cell, String input) {
        return switch (input.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "oui" -> text("true");
            case "false", "non" -> text("false");
            default -> error(cell, "booleen-invalide", "Répondre par oui ou non.");
        };
    }

    private static String numeric(String input) {
        return input.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.');
    }

    private static Parsed text(String value) {
        return new Parsed(new CellValue(null, value), null);
    }

    private static Parsed error(String cell, String code, String message) {
        return new Parsed(null, new FieldError(cell, code, message));
    }
}
