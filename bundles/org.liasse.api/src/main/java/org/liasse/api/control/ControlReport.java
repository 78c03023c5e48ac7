package org.liasse.api.control;

import java.util.List;

/**
 * Every control outcome and aggregate value of one dossier.
 *
 * @param questionnaireCode    questionnaire code
 * @param questionnaireVersion questionnaire version of the plan
 * @param outcomes             one per control of the plan, in its order
 * @param aggregates           one per aggregate of the plan, in its order
 */
public record ControlReport(String questionnaireCode, String questionnaireVersion, List<ControlOutcome> outcomes,
                            List<AggregateValue> aggregates) {

    /** Defensive copies. */
    public ControlReport {
        outcomes = List.copyOf(outcomes);
        aggregates = List.copyOf(aggregates);
    }

    /** The outcomes with a given status. */
    public List<ControlOutcome> withStatus(ControlStatus status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).toList();
    }
}
