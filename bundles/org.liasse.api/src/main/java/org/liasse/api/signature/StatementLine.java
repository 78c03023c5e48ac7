package org.liasse.api.signature;

/**
 * One cell of a statement.
 *
 * @param cell    cell code
 * @param label   row and column labels, e.g. « Capital — Exercice N »
 * @param value   the stored value as text (amounts in plain decimal notation, dot separator): what the data file holds
 * @param display the value written for people (« 831 484,50 € », « 31/12/2025 », « Oui »): what the PDF shows
 */
public record StatementLine(String cell, String label, String value, String display) {

    /** A line whose value is shown as stored (text cells). */
    public StatementLine(String cell, String label, String value) {
        this(cell, label, value, value);
    }
}
