package org.liasse.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.Organisation;

/**
 * Plausible, invented values for demo dossiers: the same organisation gets the same figures every time, growing a
 * little from year to year, so that year N-1 and the past years tell a consistent story. The financial fiches take
 * their internally consistent figures from {@link DemoFinances}; other cells get a value of their type.
 */
final class DemoValues {

    /** Rows of a repeating table filled in demo dossiers. */
    private static final int REPEATED_ROWS = 3;
    private static final List<String> PEOPLE = List.of("Claude Exemple (FICTIF)", "Dominique Modèle (FICTIF)",
        "Camille Specimen (FICTIF)");

    private DemoValues() {
    }

    /**
     * Every entered cell of a dossier (computed cells are left to the platform). A cell's value depends only on the
     * organisation, the cell's code and the year, so that the fiches two partners share (the ministry's statements
     * and a federation's questionnaire) hold the same figures on both servers.
     */
    static Map<String, String> all(QuestionnaireDefinition questionnaire, Organisation organisation, int year) {
        Map<String, String> values = new LinkedHashMap<>();
        BigDecimal growth = BigDecimal.valueOf(1.02).pow(year - 2020);
        Map<String, BigDecimal> finances = DemoFinances.of(organisation, year);
        for (CellDefinition cell : questionnaire.cells().values()) {
            BigDecimal consistent = finances.get(cell.code());
            String value = cell.computed() || beyondDemoRows(cell) ? null
                : consistent != null ? consistent.toPlainString()
                : value(cell, organisation, year, growth);
            if (value != null) {
                values.put(cell.code(), value);
            }
        }
        return values;
    }

    /** Only the non-numeric cells: what an organisation types first in a new campaign. */
    static Map<String, String> identification(QuestionnaireDefinition questionnaire, Organisation organisation,
                                              int year) {
        Map<String, String> values = all(questionnaire, organisation, year);
        Map<String, CellDefinition> cells = questionnaire.cells();
        values.keySet().removeIf(cell -> cells.get(cell).column().type().numeric());
        return values;
    }

    private static boolean beyondDemoRows(CellDefinition cell) {
        if (!cell.table().repeating()) {
            return false;
        }
        int row = Integer.parseInt(cell.row().substring(cell.table().code().length() + 1));
        return row > REPEATED_ROWS;
    }

    private static String value(CellDefinition cell, Organisation organisation, int year, BigDecimal growth) {
        ColumnDefinition column = cell.column();
        int seed = new Random(31L * organisation.siren().hashCode() + cell.code().hashCode()).nextInt(1000);
        return switch (column.type()) {
            case INTEGER -> number(BigDecimal.valueOf(10 + seed * 3L), growth, column, 0);
            case DECIMAL -> number(BigDecimal.valueOf(500 + seed * 70L), growth, column, column.scale());
            case AMOUNT -> number(BigDecimal.valueOf(100_000L + seed * 25_000L), growth, column, column.scale());
            case PERCENTAGE -> number(BigDecimal.valueOf(seed % 30 + 1), BigDecimal.ONE, column, column.scale());
            case TEXT -> text(cell, organisation, seed);
            case DATE -> year + "-12-31";
            case CODE -> column.codes().contains(organisation.type()) ? organisation.type() : column.codes().get(0);
            case BOOLEAN -> seed % 2 == 0 ? "oui" : "non";
        };
    }

    private static String number(BigDecimal base, BigDecimal growth, ColumnDefinition column, int scale) {
        BigDecimal value = base.multiply(growth).setScale(scale, RoundingMode.HALF_UP);
        if (column.max() != null && value.compareTo(column.max()) > 0) {
            value = column.max();
        }
        return value.toPlainString();
    }

    private static String text(CellDefinition cell, Organisation organisation, int seed) {
        String text = cell.column().maxLength() <= 3 ? String.valueOf(10 + seed % 80)
            : cell.table().repeating() || cell.row().equals("NOM") ? PEOPLE.get(seed % PEOPLE.size())
            : "Direction générale de " + organisation.name();
        return text.length() <= cell.column().maxLength() ? text : text.substring(0, cell.column().maxLength());
    }
}
