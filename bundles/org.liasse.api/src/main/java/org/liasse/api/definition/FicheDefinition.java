package org.liasse.api.definition;

import java.util.List;

/**
 * A fiche (form) of a questionnaire, made of tables.
 *
 * @param code   stable code, unique within its questionnaire
 * @param title  French title
 * @param tables tables in display order
 * @param help   French guide de saisie of the whole fiche, empty when none
 */
public record FicheDefinition(String code, String title, List<TableDefinition> tables, String help) {

    /** Defensive copy. */
    public FicheDefinition {
        tables = List.copyOf(tables);
        help = help == null ? "" : help;
    }

    /** A fiche without help. */
    public FicheDefinition(String code, String title, List<TableDefinition> tables) {
        this(code, title, tables, "");
    }
}
