package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.Formula;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.SourceLocation;
import org.liasse.extender.definition.LocatedNode.JsonString;
import org.liasse.extender.formula.CellRanges;
import org.liasse.extender.formula.CellSpace;
import org.liasse.extender.formula.FormulaCompiler;
import org.liasse.extender.formula.FormulaException;

/**
 * Compiles the computed cells of a questionnaire and orders them so that each formula comes after the computed
 * cells it reads; reports syntax errors, unknown or non-numeric cells and cycles where the formula is written.
 */
final class Formulas implements CellSpace {

    /**
     * Where a formula was written.
     *
     * @param node the JSON string holding it
     * @param row      {@code FICHE.ROW} that {@code @COLUMN} refers to, {@code null} for a row formula
     * @param tree     the file it is written in (a questionnaire, or shared fiches)
     * @param problems the problems of that file
     */
    record Source(JsonString node, String row, JsonTree tree, FileProblems problems) {
    }

    private final Map<String, CellDefinition> cells;

    private Formulas(QuestionnaireDefinition questionnaire) {
        this.cells = questionnaire.cells();
    }

    static Map<String, Formula> compile(QuestionnaireDefinition questionnaire, Map<String, Source> sources) {
        Formulas space = new Formulas(questionnaire);
        Map<String, Formula> compiled = new LinkedHashMap<>();
        Map<JsonString, Boolean> reported = new HashMap<>();
        for (Map.Entry<String, Source> entry : sources.entrySet()) {
            Source source = entry.getValue();
            CellDefinition cell = space.cells.get(entry.getKey());
            if (cell != null && !cell.column().type().numeric()) {
                report(reported, source, source.problems().at(source.node().position()), "la cellule calculée "
                        + entry.getKey() + " doit être d'un type numérique");
                continue;
            }
            try {
                compiled.put(entry.getKey(), FormulaCompiler.compile(source.node().value(), space, source.row()));
            } catch (FormulaException e) {
                report(reported, source, source.problems().at(source.tree().positionInString(source.node(),
                        Math.min(e.offset(), source.node().value().length()))), "formule invalide : " + e.getMessage());
            }
        }
        return order(compiled, sources);
    }

    /** A formula shared by a whole column is reported once, not once per row. */
    private static void report(Map<JsonString, Boolean> reported, Source source, SourceLocation at,
                               String message) {
        if (reported.putIfAbsent(source.node(), Boolean.TRUE) == null) {
            source.problems().add(at, message);
        }
    }

    /** Topological order by depth-first search; a cycle is reported at the formula that closes it. */
    private static Map<String, Formula> order(Map<String, Formula> compiled, Map<String, Source> sources) {
        Map<String, Formula> ordered = new LinkedHashMap<>();
        Map<String, Boolean> visiting = new HashMap<>();
        for (String cell : compiled.keySet()) {
            visit(cell, compiled, sources, visiting, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static boolean visit(String cell, Map<String, Formula> compiled, Map<String, Source> sources,
                                 Map<String, Boolean> visiting, Map<String, Formula> ordered,
                                 List<String> path) {
        if (ordered.containsKey(cell)) {
            return true;
        }
        if (Boolean.TRUE.equals(visiting.get(cell))) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(cell), path.size()));
            cycle.add(cell);
            sources.get(cell).problems().add(sources.get(cell).node().position(), "formules circulaires : " + String.join(" → ", cycle));
            visiting.put(cell, Boolean.FALSE);
            return false;
        }
        if (visiting.containsKey(cell)) {
            return false;
        }
        visiting.put(cell, Boolean.TRUE);
        path.add(cell);
        boolean ok = true;
        for (String reference : compiled.get(cell).references()) {
            if (compiled.containsKey(reference)) {
                ok &= visit(reference, compiled, sources, visiting, ordered, path);
            }
        }
        path.remove(path.size() - 1);
        visiting.put(cell, Boolean.FALSE);
        if (ok) {
            ordered.put(cell, compiled.get(cell));
        }
        return ok;
    }

    @Override
    public Optional<String> refuse(String cell) {
        CellDefinition definition = cells.get(cell);
        if (definition == null) {
            return Optional.of("la cellule « " + cell + " » n'existe pas dans ce questionnaire");
        }
        if (!definition.column().type().numeric()) {
            return Optional.of("la cellule « " + cell + " » n'est pas numérique");
        }
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> range(String from, String to) {
        return CellRanges.range(cells, from, to);
    }

    @Override
    public Optional<List<String>> everyRow(String fiche, String table, String column) {
        return CellRanges.everyRow(cells, fiche, table, column)
                .filter(codes -> codes.isEmpty() || cells.get(codes.get(0)).column().type().numeric());
    }
}
