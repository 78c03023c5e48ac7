package org.liasse.api.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A questionnaire version declared by a plugin.
 * Cells are addressed by the stable code {@code FICHE.ROW.COLUMN}.
 *
 * @param code     questionnaire code, e.g. {@code ER}
 * @param version  questionnaire version, e.g. {@code 2025.1}
 * @param title    French title
 * @param years    campaign years this version applies to
 * @param fiches   fiches in display order
 * @param computed computed cells to their compiled formula, in an order where a formula comes after the computed
 *                 cells it reads
 * @param location where it was declared
 * @param organisationTypes the organisation types that file it (e.g. {@code SEM} for the SEM statements); empty when
 *                 every organisation does
 * @param voluntaryFor the organisation types among them that file it on a voluntary basis (e.g. {@code MOI}): they are
 *                 offered it, but never counted late nor reminded
 */
public record QuestionnaireDefinition(String code, String version, String title, List<Integer> years,
                                      List<FicheDefinition> fiches, Map<String, Formula> computed,
                                      SourceLocation location, List<String> organisationTypes,
                                      List<String> voluntaryFor) {

    /** Defensive copies; the order of computed cells is kept. */
    public QuestionnaireDefinition {
        years = List.copyOf(years);
        fiches = List.copyOf(fiches);
        computed = Collections.unmodifiableMap(new LinkedHashMap<>(computed));
        organisationTypes = List.copyOf(organisationTypes);
        voluntaryFor = List.copyOf(voluntaryFor);
    }

    /** A questionnaire the organisations of these types must file. */
    public QuestionnaireDefinition(String code, String version, String title, List<Integer> years,
                                   List<FicheDefinition> fiches, Map<String, Formula> computed,
                                   SourceLocation location, List<String> organisationTypes) {
        this(code, version, title, years, fiches, computed, location, organisationTypes, List.of());
    }

    /** A questionnaire every organisation files. */
    public QuestionnaireDefinition(String code, String version, String title, List<Integer> years,
                                   List<FicheDefinition> fiches, Map<String, Formula> computed,
                                   SourceLocation location) {
        this(code, version, title, years, fiches, computed, location, List.of());
    }

    /** Whether organisations of this type file it, by obligation or voluntarily. */
    public boolean appliesTo(String organisationType) {
        return organisationTypes.isEmpty() || organisationTypes.contains(organisationType);
    }

    /** Whether organisations of this type file it voluntarily: never late, never reminded. */
    public boolean voluntaryFor(String organisationType) {
        return voluntaryFor.contains(organisationType);
    }

    /** Every addressable cell of the questionnaire, by code, in display order. Build it once per use. */
    public Map<String, CellDefinition> cells() {
        Map<String, CellDefinition> cells = new LinkedHashMap<>();
        for (FicheDefinition fiche : fiches) {
            for (TableDefinition table : fiche.tables()) {
                for (String row : table.rowCodes()) {
                    for (ColumnDefinition column : table.columns()) {
                        String cell = cellCode(fiche.code(), row, column.code());
                        cells.put(cell, new CellDefinition(cell, fiche, table, row, column, computed.get(cell)));
                    }
                }
            }
        }
        return cells;
    }

    /** One cell, if the code exists. */
    public Optional<CellDefinition> cell(String cellCode) {
        return Optional.ofNullable(cells().get(cellCode));
    }

    /** Builds the stable code of a cell. */
    public static String cellCode(String fiche, String row, String column) {
        return fiche + "." + row + "." + column;
    }
}
