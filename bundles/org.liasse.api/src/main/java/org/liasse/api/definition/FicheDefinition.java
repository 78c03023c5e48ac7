package org.liasse.api.definition;

import java.util.List;

/**
 * A fiche (form) of a questionnaire, made of tables.
 *
 * @param code   stable code, unique within its questionnaire
 * @param title  French title
 * @param tables tables in display order
 */
public record FicheDefinition(String code, String title, List<TableDefinition> tables) {

    /** Defensive copy. */
    public FicheDefinition {
        tables = List.copyOf(tables);
    }
}
