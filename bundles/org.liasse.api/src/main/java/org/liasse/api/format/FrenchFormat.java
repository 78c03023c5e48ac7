package org.liasse.api.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FieldType;

/**
 * How values are written for people, the same on the server (PDF, messages, exports for reading) and in the browser
 * ({@code format-fr.js}): digits grouped by three with a narrow no-break space (U+202F), a decimal comma, the unit
 * after a no-break space (U+00A0), dates {@code JJ/MM/AAAA}, booleans « Oui » / « Non ». Numbers are exact decimals
 * from end to end: nothing goes through binary floating point.
 */
public final class FrenchFormat {

    /** Separator of thousands: narrow no-break space, as the French typography and {@code Intl} write it. */
    public static final char GROUP = '\u202f';
    /** Before a unit (« 12 € », « 4 % »): no-break space. */
    public static final char BEFORE_UNIT = '\u00a0';

    private static final Pattern STRAIGHT_APOSTROPHE = Pattern.compile("(?<=\\p{L})'(?=\\p{L})");
    private static final Pattern FRENCH_DATE = Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH);

    private FrenchFormat() {
    }

    /** A number as it is, keeping its decimals: {@code -1234567.5} → « -1 234 567,5 ». */
    public static String number(BigDecimal value) {
        BigDecimal plain = value.scale() < 0 ? value.setScale(0) : value;
        String digits = plain.abs().toPlainString();
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder text = new StringBuilder(whole.length() + 8);
        if (plain.signum() < 0) {
            text.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(GROUP);
            }
            text.append(whole.charAt(i));
        }
        if (point >= 0) {
            text.append(',').append(digits, point + 1, digits.length());
        }
        return text.toString();
    }

    /** A number with exactly {@code scale} decimals, rounded half up as computed cells are. */
    public static String number(BigDecimal value, int scale) {
        return number(value.setScale(scale, RoundingMode.HALF_UP));
    }

    /** A number followed by its unit, if any: « 831 484,50 € ». */
    public static String withUnit(String number, String unit) {
        return unit == null || unit.isEmpty() ? number : number + BEFORE_UNIT + unit;
    }

    /**
     * A stored cell value written for reading: numbers with the column's decimals and unit (euros for amounts
     * without one), dates {@code JJ/MM/AAAA}, « Oui » / « Non », other text as stored.
     *
     * @param stored the value as stored (plain decimal with a dot, {@code AAAA-MM-JJ}, {@code true}/{@code false})
     */
    public static String cell(ColumnDefinition column, String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        FieldType type = column.type();
        if (type.numeric()) {
            BigDecimal value;
            try {
                value = new BigDecimal(stored);
            } catch (NumberFormatException e) {
                return stored;
            }
            String unit = column.unit().isEmpty() && type == FieldType.AMOUNT ? "€" : column.unit();
            return withUnit(number(value, type == FieldType.INTEGER ? 0 : Math.max(column.scale(), 0)), unit);
        }
        return switch (type) {
            case DATE -> FieldType.date(stored).map(FrenchFormat::date).orElse(stored);
            case BOOLEAN -> bool(stored);
            default -> stored;
        };
    }

    /** « Oui » for {@code true}, « Non » for {@code false}, anything else as it is. */
    public static String bool(String stored) {
        return switch (stored) {
            case "true" -> "Oui";
            case "false" -> "Non";
            default -> stored;
        };
    }

    /** {@code 31/12/2025}. */
    public static String date(LocalDate date) {
        return SHORT.format(date);
    }

    /** A date in prose: « 1er juin 2026 », « 15 décembre 2025 ». */
    public static String longDate(LocalDate date) {
        int day = date.getDayOfMonth();
        return (day == 1 ? "1er" : Integer.toString(day)) + " " + MONTH_YEAR.format(date);
    }

    /**
     * Reads a date typed by a person, {@code JJ/MM/AAAA} (one-digit day and month accepted) or the stored
     * {@code AAAA-MM-JJ}; a day that does not exist in the calendar is not a date.
     */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher french = FRENCH_DATE.matcher(text.strip());
        if (!french.matches()) {
            return FieldType.date(text.strip());
        }
        return FieldType.date(french.group(3) + "-" + twoDigits(french.group(2)) + "-" + twoDigits(french.group(1)));
    }

    private static String twoDigits(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    /** A text with its apostrophes between letters made typographic: « n'est » → « n’est ». */
    public static String typography(String text) {
        return text == null ? null : STRAIGHT_APOSTROPHE.matcher(text).replaceAll("\u2019");
    }

    /**
     * A count with its noun, the plural written out: « 0 erreur », « 1 erreur », « 2 erreurs », « 1 234 erreurs »
     * (in French, 0 and 1 take the singular).
     */
    public static String count(long count, String singular, String plural) {
        return number(BigDecimal.valueOf(count)) + " " + agree(count, singular, plural);
    }

    /** The word that agrees with a number written elsewhere: « 2 … supprimées ». */
    public static String agree(long count, String singular, String plural) {
        return Math.abs(count) < 2 ? singular : plural;
    }
}
