package org.liasse.extender.control;

import org.liasse.api.definition.FieldType;

/** The type of a value of the control language. */
public enum Type {
    /** Exact decimal number (integer, decimal, amount and percentage cells, numeric literals). */
    NUMBER("un nombre"),
    /** Text (text and code cells, string literals). */
    TEXT("un texte"),
    /** Calendar date (date cells). */
    DATE("une date"),
    /** Condition (boolean cells, comparisons, and/or/not, empty/filled). */
    BOOLEAN("une condition");

    private final String french;

    Type(String french) {
        this.french = french;
    }

    /** French noun phrase for messages, e.g. {@code un nombre}. */
    public String french() {
        return french;
    }

    /** The type of the values of a cell. */
    static Type of(FieldType field) {
        return switch (field) {
            case INTEGER, DECIMAL, AMOUNT, PERCENTAGE -> NUMBER;
            case TEXT, CODE -> TEXT;
            case DATE -> DATE;
            case BOOLEAN -> BOOLEAN;
        };
    }
}
