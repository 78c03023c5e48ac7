package org.liasse.extender.definition;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;

/**
 * The questionnaires that controls and reports of a plugin may refer to: the plugin's own questionnaires first,
 * then those installed by other active plugins.
 */
final class QuestionnaireCatalog {

    private final List<QuestionnaireDefinition> own;
    private final Set<String> invalidOwnCodes;
    private final Function<String, Optional<QuestionnaireDefinition>> installed;
    private final Map<String, Optional<QuestionnaireDefinition>> installedByCode = new HashMap<>();
    /** The cell index of each version, built once: a plugin's rules check many references against few versions. */
    private final Map<QuestionnaireDefinition, Map<String, CellDefinition>> cellsByVersion = new IdentityHashMap<>();

    /**
     * @param own             the plugin's valid questionnaire versions
     * @param invalidOwnCodes codes of the plugin's questionnaires that were rejected, already reported
     * @param installed       latest version of a questionnaire declared by another active plugin
     */
    QuestionnaireCatalog(List<QuestionnaireDefinition> own, Set<String> invalidOwnCodes,
                         Function<String, Optional<QuestionnaireDefinition>> installed) {
        this.own = List.copyOf(own);
        this.invalidOwnCodes = Set.copyOf(invalidOwnCodes);
        this.installed = installed;
    }

    /**
     * The versions of a questionnaire that references must exist in.
     * Empty when the code is unknown; an empty list when the questionnaire exists but cannot be checked
     * because its own definition was rejected.
     */
    Optional<List<QuestionnaireDefinition>> versions(String code) {
        List<QuestionnaireDefinition> versions = own.stream().filter(q -> q.code().equals(code)).toList();
        if (!versions.isEmpty() || invalidOwnCodes.contains(code)) {
            return Optional.of(versions);
        }
        return installedByCode.computeIfAbsent(code, this::installed).map(List::of);
    }

    /** The French message for a reference to an unknown questionnaire. */
    static String unknown(String code) {
        return "questionnaire inconnu « " + code + " »";
    }

    /**
     * Why a reference to an entered cell is wrong, if it is: the cell is missing from some version, or computed in
     * one (computed cells are filled by the platform, never entered or imported).
     */
    Optional<String> cellProblem(String cell, String questionnaire, List<QuestionnaireDefinition> versions) {
        Optional<String> unknown = unknownCell(cell, questionnaire, versions);
        if (unknown.isPresent()) {
            return unknown;
        }
        boolean computed = versions.stream().anyMatch(version -> cell(version, cell).map(c -> c.computed()).orElse(false));
        return computed ? Optional.of("la cellule « " + cell + " » du questionnaire " + questionnaire
            + " est calculée : elle ne peut pas être importée") : Optional.empty();
    }

    /** The French message when a cell is missing from some of the versions, empty when every version has it. */
    Optional<String> unknownCell(String cell, String questionnaire, List<QuestionnaireDefinition> versions) {
        List<String> missing = versions.stream().filter(version -> cell(version, cell).isEmpty())
                .map(QuestionnaireDefinition::version).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String message = "cellule inconnue « " + cell + " » dans le questionnaire " + questionnaire;
        return Optional.of(missing.size() == versions.size() ? message
                : message + " version " + String.join(", ", missing));
    }

    private Optional<QuestionnaireDefinition> installed(String code) {
        Optional<QuestionnaireDefinition> found = installed.apply(code);
        return found == null ? Optional.empty() : found;
    }

    private Optional<CellDefinition> cell(QuestionnaireDefinition version, String cell) {
        return Optional.ofNullable(cellsByVersion.computeIfAbsent(version, QuestionnaireDefinition::cells).get(cell));
    }
}
