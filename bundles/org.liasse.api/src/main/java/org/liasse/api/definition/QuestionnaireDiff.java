package org.liasse.api.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in a questionnaire between two versions (usually the versions of years N-1 and N), cell by cell,
 * so that users see at once which fields appeared, disappeared or changed.
 *
 * @param questionnaire questionnaire code
 * @param fromVersion   older version
 * @param toVersion     newer version
 * @param changes       changes in the display order of the newer version, removals last
 */
public record QuestionnaireDiff(String questionnaire, String fromVersion, String toVersion, List<Change> changes) {

    /** Kind of change of one cell. */
    public enum Kind {
        /** The cell exists only in the newer version. */
        ADDED,
        /** The cell exists only in the older version. */
        REMOVED,
        /** The cell exists in both versions with a different specification. */
        CHANGED
    }

    /**
     * One changed cell.
     *
     * @param kind    kind of change
     * @param cell    cell code
     * @param label   French label: fiche › row › column
     * @param details French descriptions of what changed (for {@link Kind#CHANGED}), e.g. {@code type : montant → entier}
     */
    public record Change(Kind kind, String cell, String label, List<String> details) {

        /** Defensive copy. */
        public Change {
            details = List.copyOf(details);
        }
    }

    /** Defensive copy. */
    public QuestionnaireDiff {
        changes = List.copyOf(changes);
    }

    /** Compares two versions of the same questionnaire. */
    public static QuestionnaireDiff between(QuestionnaireDefinition older, QuestionnaireDefinition newer) {
        Map<String, CellDefinition> before = older.cells();
        Map<String, CellDefinition> after = newer.cells();
        List<Change> changes = new ArrayList<>();
        for (CellDefinition cell : after.values()) {
            CellDefinition previous = before.get(cell.code());
            if (previous == null) {
                changes.add(new Change(Kind.ADDED, cell.code(), label(newer, cell), List.of()));
            } else {
                List<String> details = details(older, previous, newer, cell);
                if (!details.isEmpty()) {
                    changes.add(new Change(Kind.CHANGED, cell.code(), label(newer, cell), details));
                }
            }
        }
        for (CellDefinition cell : before.values()) {
            if (!after.containsKey(cell.code())) {
                changes.add(new Change(Kind.REMOVED, cell.code(), label(older, cell), List.of()));
            }
        }
        return new QuestionnaireDiff(newer.code(), older.version(), newer.version(), changes);
    }

    private static List<String> details(QuestionnaireDefinition older, CellDefinition before,
                                        QuestionnaireDefinition newer, CellDefinition after) {
        List<String> details = new ArrayList<>();
        ColumnDefinition was = before.column();
        ColumnDefinition is = after.column();
        compare(details, "libellé", label(older, before), label(newer, after));
        compare(details, "type", typeName(was), typeName(is));
        compare(details, "unité", was.unit(), is.unit());
        compare(details, "obligatoire", was.required() ? "oui" : "non", is.required() ? "oui" : "non");
        compare(details, "longueur maximale", Integer.toString(was.maxLength()), Integer.toString(is.maxLength()));
        compare(details, "valeurs permises", String.join(", ", was.codes()), String.join(", ", is.codes()));
        compare(details, "minimum", Objects.toString(was.min(), "aucun"), Objects.toString(is.min(), "aucun"));
        compare(details, "maximum", Objects.toString(was.max(), "aucun"), Objects.toString(is.max(), "aucun"));
        compare(details, "calcul", before.computed() ? before.formula().source() : "saisie",
            after.computed() ? after.formula().source() : "saisie");
        return details;
    }

    private static void compare(List<String> details, String what, String before, String after) {
        if (!before.equals(after)) {
            details.add(what + " : " + before + " → " + after);
        }
    }

    private static String typeName(ColumnDefinition column) {
        String name = switch (column.type()) {
            case INTEGER -> "entier";
            case DECIMAL -> "décimal";
            case AMOUNT -> "montant";
            case PERCENTAGE -> "pourcentage";
            case TEXT -> "texte";
            case DATE -> "date";
            case CODE -> "liste de codes";
            case BOOLEAN -> "oui/non";
        };
        return column.type().numeric() && column.type() != FieldType.INTEGER
            ? name + " (" + column.scale() + " décimales)" : name;
    }

    private static String label(QuestionnaireDefinition questionnaire, CellDefinition cell) {
        String row = cell.table().repeating() ? cell.table().title() + " (ligne " + cell.row()
            .substring(cell.table().code().length() + 1) + ")"
            : cell.table().rows().stream().filter(r -> r.code().equals(cell.row())).findFirst()
                .map(RowDefinition::label).orElse(cell.row());
        return cell.fiche().title() + " › " + row + " › " + cell.column().label();
    }
}
