package org.liasse.api.plugin;

import java.time.Instant;
import java.util.List;

import org.liasse.api.definition.DefinitionProblem;

/**
 * What the platform knows about one plugin bundle.
 *
 * @param id              plugin id (the bundle symbolic name)
 * @param version         version of the bundle last seen
 * @param state           current state
 * @param activeVersion   version whose definitions are in use, or {@code null} when none is
 * @param problems        why the last seen version was rejected, empty otherwise
 * @param questionnaires  questionnaire versions provided by the active version
 * @param controls        number of controls provided by the active version
 * @param reports         report codes provided by the active version
 * @param recordedVersion the version the recorded decision activates, or {@code null} before any decision
 * @param previousVersion the version a rollback restores, or {@code null}
 * @param activatedBy     who or what made the recorded decision, or {@code null}
 * @param activatedAt     when the recorded decision was made, or {@code null}
 */
public record PluginInfo(String id, String version, PluginState state, String activeVersion,
                         List<DefinitionProblem> problems, List<QuestionnaireRef> questionnaires,
                         int controls, List<String> reports, String recordedVersion, String previousVersion,
                         String activatedBy, Instant activatedAt) {

    /** Defensive copies. */
    public PluginInfo {
        problems = List.copyOf(problems);
        questionnaires = List.copyOf(questionnaires);
        reports = List.copyOf(reports);
    }
}
