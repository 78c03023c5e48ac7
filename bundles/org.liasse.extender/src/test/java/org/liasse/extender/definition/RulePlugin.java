package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.control.CompiledPlan;

/**
 * Test helper: a plugin with two small questionnaires ({@code T}: amounts, integers, percentages, decimals, codes,
 * texts, dates, booleans and a repeating table; {@code Q2}: one amount) and the controls and aggregates given,
 * loaded by the real {@link DefinitionLoader}.
 */
public final class RulePlugin {

    /** Path of the controls file in the plugin. */
    public static final String CONTROLS = "META-INF/liasse/controls/regles.json";

    private static final String T = """
        {"code": "T", "version": "2025.1", "title": "Test", "years": [2025], "fiches": [
          {"code": "F", "title": "F", "tables": [
            {"code": "A", "title": "A", "rows": [
               {"code": "R1", "label": "1"}, {"code": "R2", "label": "2"}, {"code": "R3", "label": "3"},
               {"code": "TOTAL", "label": "Total", "computed": {"M": "sum(F.R1.M:F.R3.M)"}}],
             "columns": [{"code": "M", "label": "Montant", "type": "amount"},
                         {"code": "N", "label": "Nombre", "type": "integer"},
                         {"code": "P", "label": "Taux", "type": "percentage"},
                         {"code": "D", "label": "Coefficient", "type": "decimal", "scale": 8}]},
            {"code": "I", "title": "Identité", "rows": [{"code": "ORG", "label": "Organisme"}],
             "columns": [{"code": "CAT", "label": "Catégorie", "type": "code", "codes": ["OPH", "ESH"]},
                         {"code": "NOM", "label": "Nom", "type": "text", "maxLength": 100},
                         {"code": "CLOT", "label": "Clôture", "type": "date"},
                         {"code": "CONV", "label": "Conventionné", "type": "boolean"}]},
            {"code": "AC", "title": "Actionnaires", "maxRows": 4,
             "columns": [{"code": "NOM", "label": "Nom", "type": "text", "maxLength": 50},
                         {"code": "PART", "label": "Part", "type": "percentage"}]}]}]}
        """;
    private static final String Q2 = """
        {"code": "Q2", "version": "2025.1", "title": "Autre", "years": [2025], "fiches": [
          {"code": "G", "title": "G", "tables": [{"code": "B", "title": "B", "rows": [{"code": "X", "label": "X"}],
             "columns": [{"code": "M", "label": "Montant", "type": "amount"}]}]}]}
        """;

    private RulePlugin() {
    }

    /** The plugin's files, with a controls file made of these JSON objects (controls, then aggregates). */
    public static List<DefinitionFile> files(String controls, String aggregates, DefinitionFile... extra) {
        List<DefinitionFile> files = new ArrayList<>(List.of(
            Fixtures.file("META-INF/liasse/questionnaires/t.json", T),
            Fixtures.file("META-INF/liasse/questionnaires/q2.json", Q2),
            Fixtures.file(CONTROLS, "{\"controls\": [" + controls + "]"
                + (aggregates.isEmpty() ? "" : ",\n\"aggregates\": [" + aggregates + "]") + "}")));
        files.addAll(List.of(extra));
        return files;
    }

    /** A control of questionnaire {@code T} as JSON. */
    public static String control(String code, String expression, String message) {
        return "{\"code\": \"" + code + "\", \"questionnaire\": \"T\", \"severity\": \"error\", \"expression\": \""
            + expression.replace("\"", "\\\"") + "\", \"message\": \"" + message.replace("\"", "\\\"") + "\"}";
    }

    /** The load result of a plugin. */
    public static LoadResult load(List<DefinitionFile> files) {
        return new DefinitionLoader().load(files, code -> Optional.empty());
    }

    /** The compiled plan of questionnaire {@code T} of a valid plugin. */
    public static CompiledPlan plan(List<DefinitionFile> files) {
        LoadResult result = load(files);
        if (!(result instanceof LoadResult.Loaded loaded)) {
            throw new AssertionError("rejected: " + ((LoadResult.Rejected) result).problems());
        }
        List<QuestionnaireDefinition> questionnaires = loaded.definitions().questionnaires();
        return CompiledPlan.build(questionnaires.get(questionnaires.get(0).code().equals("T") ? 0 : 1),
            code -> questionnaires.stream().filter(q -> q.code().equals(code)).findFirst(),
            List.of(new CompiledPlan.PluginRules("test 1.0.0", loaded.rules())));
    }

    /** The problems of a rejected plugin. */
    public static List<DefinitionProblem> problems(List<DefinitionFile> files) {
        return Fixtures.rejected(load(files));
    }
}
