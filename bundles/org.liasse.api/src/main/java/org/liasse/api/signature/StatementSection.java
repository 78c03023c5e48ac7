package org.liasse.api.signature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.format.FrenchFormat;

/**
 * One fiche of a statement.
 *
 * @param code  fiche code
 * @param label fiche French label
 * @param lines its filled cells (every cell in a blank form), in the order of the questionnaire
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

    /** The fiches of a questionnaire with the cells these values fill, as a signed statement shows them. */
    public static List<StatementSection> of(QuestionnaireDefinition definition, Map<String, String> values) {
        return sections(definition, cell -> {
            String value = values.getOrDefault(cell.code(), "");
            return value.isEmpty() ? null : new String[] {value, FrenchFormat.cell(cell.column(), value)};
        });
    }

    /**
     * The fiches of a questionnaire with every cell empty, those the platform computes reading « calculé »: the
     * blank form (« trame ») organisations print to prepare their figures.
     */
    public static List<StatementSection> form(QuestionnaireDefinition definition) {
        return sections(definition, cell -> new String[] {"", cell.computed() ? "calculé" : ""});
    }

    /** The sections, with the cells {@code shown} gives a value and its display for (null: left out). */
    private static List<StatementSection> sections(QuestionnaireDefinition definition,
                                                   Function<CellDefinition, String[]> shown) {
        Map<String, List<StatementLine>> lines = new HashMap<>();
        for (CellDefinition cell : definition.cells().values()) {
            String[] value = shown.apply(cell);
            if (value != null) {
                String row = rowLabel(cell);
                lines.computeIfAbsent(cell.fiche().code(), fiche -> new ArrayList<>())
                    .add(new StatementLine(cell.code(), row + " — " + cell.column().label(), value[0], value[1],
                        cell.table().title(), row, cell.column().label(), cell.help()));
            }
        }
        return definition.fiches().stream().map(fiche -> new StatementSection(fiche.code(), fiche.title(),
            lines.getOrDefault(fiche.code(), List.of()), fiche.help())).toList();
    }

    /** A row's label; a repeating table's rows are numbered. */
    private static String rowLabel(CellDefinition cell) {
        return cell.table().repeating()
            ? cell.table().title() + " n° " + cell.row().substring(cell.table().code().length() + 1)
            : cell.table().rows().stream().filter(r -> r.code().equals(cell.row())).findFirst()
                .map(r -> r.label()).orElse(cell.row());
    }
}
