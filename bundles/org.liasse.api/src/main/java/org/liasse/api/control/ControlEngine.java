package org.liasse.api.control;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The active controls and aggregates of every plugin, compiled. Offered as an OSGi service by the extender.
 * To verify a whole campaign, take the {@link ControlPlan} of the questionnaire version once, then feed it every
 * dossier: a plan is immutable, thread-safe and never parses a rule again.
 */
@ProviderType
public interface ControlEngine {

    /**
     * The compiled controls and aggregates of one questionnaire version, from every active plugin. A new plan is
     * built when a plugin is activated, updated or withdrawn; a plan taken before keeps evaluating the rules it was
     * built with.
     *
     * @param questionnaireCode    questionnaire code, e.g. {@code ER}
     * @param questionnaireVersion questionnaire version of the dossiers, e.g. {@code 2025.1}
     * @return the plan, or empty when no active plugin provides this questionnaire version
     */
    Optional<ControlPlan> plan(String questionnaireCode, String questionnaireVersion);

    /**
     * Evaluates every active control and aggregate of a questionnaire version on one dossier; shortcut for
     * {@code plan(code, version).map(plan -> plan.evaluate(data))}.
     */
    default Optional<ControlReport> evaluate(String questionnaireCode, String questionnaireVersion, ControlData data) {
        return plan(questionnaireCode, questionnaireVersion).map(plan -> plan.evaluate(data));
    }

    /**
     * Explains one active control of a questionnaire version on one dossier; shortcut for
     * {@code plan(code, version).flatMap(plan -> plan.explain(controlCode, data))}.
     *
     * @return the explanation, or empty when no active plugin provides this control for this version
     */
    default Optional<ControlExplanation> explain(String questionnaireCode, String questionnaireVersion,
                                                 String controlCode, ControlData data) {
        return plan(questionnaireCode, questionnaireVersion).flatMap(plan -> plan.explain(controlCode, data));
    }
}
