package org.liasse.api.definition;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which cells of a questionnaire are brought in from another partner's server (« Rapatrier »), declared in
 * {@code META-INF/liasse/sync/*.json}: whole fiches whose cells carry the same codes on both sides, plus explicit
 * renames of single cells.
 *
 * @param code          stable code of the mapping, unique in the plugin
 * @param title         French title shown on the dossier's page
 * @param questionnaire code of the receiving questionnaire
 * @param partner       partner whose server holds the source (e.g. {@code ministry}, {@code epl})
 * @param source        code of the source questionnaire on that server
 * @param fiches        receiving fiches whose entered cells are taken from the cells with the same codes
 * @param renames       receiving cell to source cell, for cells whose codes differ (wins over {@code fiches})
 * @param location      where it was declared
 */
public record SyncMappingDefinition(String code, String title, String questionnaire, String partner, String source,
                                    List<String> fiches, Map<String, String> renames, SourceLocation location) {

    /** Defensive copies. */
    public SyncMappingDefinition {
        fiches = List.copyOf(fiches);
        renames = Map.copyOf(renames);
    }

    /** Receiving cell to source cell for one version of the receiving questionnaire, sorted by receiving cell. */
    public Map<String, String> cells(QuestionnaireDefinition receiving) {
        Map<String, String> cells = new TreeMap<>();
        receiving.cells().values().stream()
            .filter(cell -> !cell.computed() && fiches.contains(cell.fiche().code()))
            .forEach(cell -> cells.put(cell.code(), cell.code()));
        cells.putAll(renames);
        return cells;
    }
}
