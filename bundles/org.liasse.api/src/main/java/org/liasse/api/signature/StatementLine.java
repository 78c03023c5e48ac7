package org.liasse.api.signature;

/**
 * One cell of a statement: the data file holds its code and stored value, the PDF shows it for people in the table
 * the user filled (row × column).
 *
 * @param cell    cell code
 * @param label   row and column labels, e.g. « Capital — Exercice N »
 * @param value   the stored value as text (amounts in plain decimal notation, dot separator): what the data file holds
 * @param display the value written for people (« 831 484,50 € », « 31/12/2025 », « Oui »): what the PDF shows
 * @param table   title of the table of the fiche the cell belongs to
 * @param row     label of its row
 * @param column  label of its column
 * @param help    the cell's French guide de saisie, printed as a note below its table; empty when none
 */
public record StatementLine(String cell, String label, String value, String display, String table, String row,
                            String column, String help) {

    /** Defensive default. */
    public StatementLine {
        help = help == null ? "" : help;
    }

    /** A cell of a table, without help. */
    public StatementLine(String cell, String label, String value, String display, String table, String row,
                         String column) {
        this(cell, label, value, display, table, row, column, "");
    }

    /** A line outside any table, shown as stored: one row per cell, labelled by {@code label}. */
    public StatementLine(String cell, String label, String value) {
        this(cell, label, value, value);
    }

    /** A line outside any table: one row per cell, labelled by {@code label}. */
    public StatementLine(String cell, String label, String value, String display) {
        this(cell, label, value, display, "", label, "Valeur");
    }
}
