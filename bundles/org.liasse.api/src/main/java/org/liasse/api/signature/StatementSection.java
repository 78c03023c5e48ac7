package org.liasse.api.signature;

import java.util.List;

/**
 * One fiche of a statement.
 *
 * @param code  fiche code
 * @param label fiche French label
 * @param lines its filled cells, in the order of the questionnaire
 */
public record StatementSection(String code, String label, List<StatementLine> lines) {

    /** Defensive copy. */
    public StatementSection {
        lines = List.copyOf(lines);
    }
}
