package org.liasse.api.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;

/**
 * One stored verification run of a dossier: the outcome of every control that failed or could not be evaluated and
 * every aggregate value at a dossier revision, with the justifications of warnings written since. Passed and not
 * applicable controls are only counted.
 *
 * @param id                   identifier
 * @param dossierId            dossier verified
 * @param dossierRevision      revision of the dossier that was verified
 * @param at                   when
 * @param actor                login of who launched it, or {@link #CONTROL_UPDATE} for a re-verification
 * @param trigger              for a re-verification, the plugin change that caused it (plugin id and version);
 *                             {@code null} for a run launched by a user
 * @param questionnaireVersion questionnaire version of the rules
 * @param passed               how many controls passed
 * @param notApplicable        how many controls did not apply (an empty value compared, a false condition)
 * @param outcomes             the controls that failed or could not be evaluated (runtime error), in the plan's order
 * @param aggregates           one per aggregate, in the plan's order
 * @param justifications       justifications of warnings, by control code
 */
public record Verification(long id, long dossierId, long dossierRevision, Instant at, String actor, String trigger,
                           String questionnaireVersion, int passed, int notApplicable, List<ControlOutcome> outcomes,
                           List<AggregateValue> aggregates, Map<String, Justification> justifications) {

    /** The actor of the runs made again in the background after the controls changed. */
    public static final String CONTROL_UPDATE = "mise-a-jour-des-controles";

    /** Defensive copies. */
    public Verification {
        outcomes = List.copyOf(outcomes);
        aggregates = List.copyOf(aggregates);
        justifications = Map.copyOf(justifications);
    }

    /** Failed controls of a severity. */
    public List<ControlOutcome> failed(Severity severity) {
        return outcomes.stream().filter(o -> o.status() == ControlStatus.FAILED && o.severity() == severity).toList();
    }

    /** Failed warnings that nobody has justified yet. */
    public List<ControlOutcome> unjustifiedWarnings() {
        return failed(Severity.WARNING).stream().filter(o -> !justifications.containsKey(o.code())).toList();
    }
}
