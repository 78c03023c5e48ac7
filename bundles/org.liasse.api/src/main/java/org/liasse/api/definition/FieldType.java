package org.liasse.api.definition;

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
    /** ISO-8601 calendar date. */
    DATE,
    /** One code out of a declared list. */
    CODE,
    /** Yes / no. */
    BOOLEAN;

    /** Whether values of this type are numbers. */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == AMOUNT || this == PERCENTAGE;
    }
}
