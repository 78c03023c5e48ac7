package org.liasse.extender.definition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

    private Optional<QuestionnaireDefinition> installed(String code) {
        Optional<QuestionnaireDefinition> found = installed.apply(code);
        return found == null ? Optional.empty() : found;
    }
}
