package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.SyncMappingDefinition;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Builds {@link SyncMappingDefinition}s from trees that match {@code sync.schema.json}, checking that codes are
 * unique in the plugin, that the receiving questionnaire exists, that every fiche exists in each of its versions,
 * that every receiving cell exists and is entered (not computed) and is filled once, and that a mapping fills at
 * least one cell. Source cells live on another server: they are checked there, at each transfer.
 */
final class SyncMappingReader {

    private final QuestionnaireCatalog catalog;
    private final UniqueCodes codes = new UniqueCodes();

    SyncMappingReader(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reads the mappings of one schema-valid file, reporting their semantic problems. */
    List<SyncMappingDefinition> read(JsonTree tree, FileProblems problems) {
        return ((JsonObject) tree.root()).objects("sync").stream().map(mapping -> mapping(mapping, problems)).toList();
    }

    private SyncMappingDefinition mapping(JsonObject node, FileProblems problems) {
        JsonString code = node.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems,
            "code de rapatriement en double « " + code.value() + " »");
        JsonString questionnaire = node.stringNode("questionnaire");
        Optional<List<QuestionnaireDefinition>> versions = catalog.versions(questionnaire.value());
        if (versions.isEmpty()) {
            problems.add(questionnaire.position(), QuestionnaireCatalog.unknown(questionnaire.value()));
        }
        List<QuestionnaireDefinition> known = versions.orElse(List.of());
        List<String> fiches = new ArrayList<>();
        UniqueCodes filled = new UniqueCodes();
        for (JsonString fiche : node.strings("fiches")) {
            filled.claim("fiche " + fiche.value(), problems.at(fiche.position()), problems,
                "fiche « " + fiche.value() + " » en double");
            known.stream().filter(version -> version.fiches().stream().map(FicheDefinition::code)
                    .noneMatch(fiche.value()::equals)).findFirst()
                .ifPresent(version -> problems.add(fiche.position(), "fiche inconnue « " + fiche.value()
                    + " » dans le questionnaire " + questionnaire.value() + " version " + version.version()));
            fiches.add(fiche.value());
        }
        Map<String, String> renames = new LinkedHashMap<>();
        for (JsonObject cell : node.get("cells").map(cells -> node.objects("cells")).orElse(List.of())) {
            JsonString to = cell.stringNode("to");
            filled.claim(to.value(), problems.at(to.position()), problems,
                "cellule « " + to.value() + " » déjà alimentée par une autre ligne");
            versions.flatMap(found -> catalog.cellProblem(to.value(), questionnaire.value(), found))
                .ifPresent(message -> problems.add(to.position(), message));
            renames.put(to.value(), cell.string("from"));
        }
        if (fiches.isEmpty() && renames.isEmpty()) {
            problems.add(node.position(), "le rapatriement « " + code.value()
                + " » ne remplit aucune cellule : indiquez des fiches (« fiches ») ou des cellules (« cells »)");
        }
        JsonObject from = (JsonObject) node.get("from").orElseThrow();
        return new SyncMappingDefinition(code.value(), node.string("title"), questionnaire.value(),
            from.string("partner"), from.string("questionnaire"), fiches, renames, problems.at(node.position()));
    }
}
