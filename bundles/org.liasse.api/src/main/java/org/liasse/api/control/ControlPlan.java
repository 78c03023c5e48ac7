package org.liasse.api.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The controls and aggregates of one questionnaire version, compiled against its cells. Immutable and thread-safe:
 * build it once (see {@link ControlEngine#plan}) and evaluate as many dossiers as needed, from several threads.
 * Evaluation never throws because of a rule or of the data: a rule that fails at run time gives a
 * {@link ControlStatus#RUNTIME_ERROR} outcome.
 */
@ProviderType
public interface ControlPlan {

    /** Questionnaire code. */
    String questionnaireCode();

    /** Questionnaire version the rules are compiled against. */
    String questionnaireVersion();

    /** The controls of the plan, in plugin then declaration order. */
    List<ControlInfo> controls();

    /** The aggregates of the plan, in plugin then declaration order. */
    List<AggregateInfo> aggregates();

    /**
     * Identifies the rules: two plans with the same controls and aggregates (codes, severities, expressions,
     * messages, cells) have the same fingerprint, whatever the plugin versions. A stored verification made with
     * another fingerprint was made with other rules.
     */
    String fingerprint();

    /** Whether a rule reads the values of year N-1 ({@code prev(…)}): if not, they need not be read. */
    boolean readsPrevious();

    /** The other questionnaires whose values rules read ({@code QUESTIONNAIRE:…}): only these need to be read. */
    Set<String> questionnairesRead();

    /**
     * Evaluates every control and every aggregate on one dossier.
     *
     * @param data the dossier's values, those of year N-1 and those of the organisation's other questionnaires
     * @return one outcome per control and one value per aggregate, in the order of {@link #controls()} and
     *         {@link #aggregates()}
     */
    ControlReport evaluate(ControlData data);

    /**
     * Evaluates one control and gives the value of each of its sub-expressions.
     *
     * @param controlCode code of a control of this plan
     * @param data        as for {@link #evaluate}
     * @return the explanation, or empty when the plan has no such control
     */
    Optional<ControlExplanation> explain(String controlCode, ControlData data);
}
