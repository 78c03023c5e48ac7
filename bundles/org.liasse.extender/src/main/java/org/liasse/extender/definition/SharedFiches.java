package org.liasse.extender.definition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.extender.definition.LocatedNode.JsonArray;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * The plugin's shared fiches ({@code fiches/*.json}): fiches written once that several questionnaires of the plugin
 * name by code in their {@code fiches}, e.g. the financial fiches the regulatory statements share with the
 * federations' questionnaire. Problems in a shared fiche are reported where it is written.
 */
final class SharedFiches {

    /**
     * One shared fiche and where it is written.
     *
     * @param node     its JSON object
     * @param tree     the file it is written in
     * @param problems the problems of that file
     */
    record Shared(JsonObject node, JsonTree tree, FileProblems problems) {
    }

    private final Map<String, Shared> byCode = new HashMap<>();
    private final UniqueCodes codes = new UniqueCodes();

    /** Adds the fiches of one schema-valid file of shared fiches. */
    void add(JsonTree tree, FileProblems problems) {
        for (LocatedNode item : ((JsonArray) ((JsonObject) tree.root()).get("fiches").orElseThrow()).items()) {
            if (item instanceof JsonString string) {
                problems.add(string.position(), "une fiche partagée s'écrit en entier : elle ne peut pas renvoyer "
                        + "à une autre fiche partagée (« " + string.value() + " »)");
            } else {
                JsonObject fiche = (JsonObject) item;
                JsonString code = fiche.stringNode("code");
                if (codes.claim(code.value(), problems.at(code.position()), problems,
                        "fiche partagée en double « " + code.value() + " »")) {
                    byCode.put(code.value(), new Shared(fiche, tree, problems));
                }
            }
        }
    }

    /** The shared fiche with this code. */
    Optional<Shared> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Codes of the shared fiches, for messages. */
    List<String> codes() {
        return byCode.keySet().stream().sorted().toList();
    }
}
