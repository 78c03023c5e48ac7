package org.liasse.storage;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.verification.ImpactLine;

/** What a re-verification changed for a dossier: the failing controls before and after, compared. */
final class Impact {

    private Impact() {
    }

    /** Whether an outcome counts as failing: the rule does not hold, or could not be evaluated. */
    static boolean failing(ControlStatus status) {
        return status == ControlStatus.FAILED || status == ControlStatus.RUNTIME_ERROR;
    }

    /** The codes of the failing controls among outcomes, in their order. */
    static Set<String> failing(Collection<ControlOutcome> outcomes) {
        Set<String> codes = new LinkedHashSet<>();
        for (ControlOutcome outcome : outcomes) {
            if (failing(outcome.status())) {
                codes.add(outcome.code());
            }
        }
        return codes;
    }

    /**
     * The line of a dossier: controls failing now that did not before, and controls that failed before and no longer
     * do (a withdrawn control included), each sorted by code; empty when nothing changed.
     */
    static Optional<ImpactLine> line(String siren, long dossierId, Set<String> before, Set<String> after) {
        Set<String> newlyFailing = new TreeSet<>(after);
        newlyFailing.removeAll(before);
        Set<String> newlyPassing = new TreeSet<>(before);
        newlyPassing.removeAll(after);
        if (newlyFailing.isEmpty() && newlyPassing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImpactLine(siren, dossierId, List.copyOf(newlyFailing), List.copyOf(newlyPassing)));
    }
}
