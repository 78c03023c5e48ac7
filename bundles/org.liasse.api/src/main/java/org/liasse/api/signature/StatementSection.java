package org.liasse.api.signature;

import java.util.List;

/**
 * One fiche of a statement.
 *
 * @param code  fiche code
 * @param label fiche French label
 * @param lines its filled cells, in the order of the questionnaire
 * @param help  the fiche's French guide de saisie, empty when none
 */
public record StatementSection(String code, String label, List<StatementLine> lines, String help) {

    /** Defensive copy. */
    public StatementSection {
        lines = List.copyOf(lines);
        help = help == null ? "" : help;
    }

    /** A fiche without help. */
    public StatementSection(String code, String label, List<StatementLine> lines) {
        this(code, label, lines, "");
    }
}
