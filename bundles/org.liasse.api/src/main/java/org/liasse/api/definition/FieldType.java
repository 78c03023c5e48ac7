package org.liasse.api.definition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The type of a cell, deciding how its value is checked and stored. */
public enum FieldType {
    /** Whole number. */
    INTEGER,
    /** Decimal number with a declared scale. */
    DECIMAL,
    /** Amount in euros, stored exactly (never binary floating point). */
    AMOUNT,
    /** Percentage, stored as a decimal. */
    PERCENTAGE,
    /** Free text with a maximum length. */
    TEXT,
    /** Calendar date {@code AAAA-MM-JJ}, with a four-digit year (see {@link #date}). */
    DATE,
    /** One code out of a declared list. */
    CODE,
    /** Yes / no. */
    BOOLEAN;

    private static final Pattern DATE_FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** Whether values of this type are numbers. */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == AMOUNT || this == PERCENTAGE;
    }

    /**
     * Reads a date as cells, rules and imports all write it: {@code AAAA-MM-JJ}, four ASCII digits for the year, a
     * real day of the calendar. ISO-8601's signed and longer years ({@code +10000-01-01}) are refused, so that
     * dates written this way sort as text in the order of the calendar.
     *
     * @return the date, or empty when the text is not such a date
     */
    public static Optional<LocalDate> date(String text) {
        if (text == null || !DATE_FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
