package org.liasse.extender.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Builds {@link MappingDefinition}s from trees that match {@code mappings.schema.json}, checking that mapping codes
 * are unique in the plugin and differ from the built-in mapping, that the questionnaire exists, and that each key is
 * listed once and fills an existing, entered (not computed) cell that no other key fills.
 */
final class MappingReader {

    private final QuestionnaireCatalog catalog;
    private final UniqueCodes codes = new UniqueCodes();

    MappingReader(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reads the mappings of one schema-valid file, reporting their semantic problems. */
    List<MappingDefinition> read(JsonTree tree, FileProblems problems) {
        return ((JsonObject) tree.root()).objects("mappings").stream().map(mapping -> mapping(mapping, problems)).toList();
    }

    private MappingDefinition mapping(JsonObject node, FileProblems problems) {
        JsonString code = node.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems,
            "code de correspondance en double « " + code.value() + " »");
        if (MappingDefinition.BUILT_IN.equals(code.value())) {
            problems.add(code.position(), "le code « " + MappingDefinition.BUILT_IN
                + " » est celui du format Liasse intégré : choisissez un autre code");
        }
        JsonString questionnaire = node.stringNode("questionnaire");
        Optional<List<QuestionnaireDefinition>> versions = catalog.versions(questionnaire.value());
        if (versions.isEmpty()) {
            problems.add(questionnaire.position(), QuestionnaireCatalog.unknown(questionnaire.value()));
        }
        JsonObject columns = (JsonObject) node.get("columns").orElseThrow();
        String keyColumn = columns.string("key");
        String valueColumn = columns.string("value");
        if (keyColumn.strip().equalsIgnoreCase(valueColumn.strip())) {
            problems.add(columns.stringNode("value").position(),
                "les colonnes de la clé et de la valeur doivent être différentes");
        }
        Optional<JsonObject> xml = node.get("xml").map(JsonObject.class::cast);
        String xmlRecord = xml.map(x -> x.string("record")).orElse(valueColumn);
        String xmlKey = xml.map(x -> x.string("key")).orElse(keyColumn);
        Map<String, String> cells = cells(node.objects("cells"), questionnaire.value(), versions, problems);
        return new MappingDefinition(code.value(), node.string("title"), questionnaire.value(), keyColumn, valueColumn,
            xmlRecord, xmlKey, cells, problems.at(node.position()));
    }

    private Map<String, String> cells(List<JsonObject> lines, String questionnaire,
                                      Optional<List<QuestionnaireDefinition>> versions, FileProblems problems) {
        Map<String, String> cells = new LinkedHashMap<>();
        UniqueCodes keys = new UniqueCodes();
        UniqueCodes targets = new UniqueCodes();
        for (JsonObject line : lines) {
            JsonString key = line.stringNode("key");
            JsonString cell = line.stringNode("cell");
            keys.claim(key.value().strip(), problems.at(key.position()), problems,
                "clé en double « " + key.value() + " »");
            targets.claim(cell.value(), problems.at(cell.position()), problems,
                "cellule « " + cell.value() + " » déjà alimentée par une autre clé");
            versions.flatMap(found -> catalog.cellProblem(cell.value(), questionnaire, found))
                .ifPresent(message -> problems.add(cell.position(), message));
            cells.putIfAbsent(key.value().strip(), cell.value());
        }
        return cells;
    }
}
