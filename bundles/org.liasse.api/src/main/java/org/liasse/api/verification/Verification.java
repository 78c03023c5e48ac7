package org.liasse.api.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;

/**
 * One stored verification run of a dossier: every control outcome and aggregate value at a dossier revision, with
 * the justifications of warnings written since.
 *
 * @param id                   identifier
 * @param dossierId            dossier verified
 * @param dossierRevision      revision of the dossier that was verified
 * @param at                   when
 * @param actor                login of who launched it
 * @param questionnaireVersion questionnaire version of the rules
 * @param outcomes             one per control, in the plan's order
 * @param aggregates           one per aggregate, in the plan's order
 * @param justifications       justifications of warnings, by control code
 */
public record Verification(long id, long dossierId, long dossierRevision, Instant at, String actor,
                           String questionnaireVersion, List<ControlOutcome> outcomes, List<AggregateValue> aggregates,
                           Map<String, Justification> justifications) {

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
