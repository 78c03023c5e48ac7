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

    /**
     * The trigger of a re-verification named after the rules really used. Rules are read when the job runs: a job
     * told "plugin 0.3.0" that runs after 0.1.0 came back evaluates 0.1.0's rules, and is named "plugin 0.1.0".
     *
     * @param told         the trigger told with the change, e.g. {@code org.liasse.ministry.er 0.3.0}
     * @param ruleVersions the plugin id and version of every rule of the plans used
     */
    static String trigger(String told, Collection<String> ruleVersions) {
        int space = told.indexOf(' ');
        if (space < 0) {
            return told;
        }
        String plugin = told.substring(0, space + 1);
        return ruleVersions.stream().filter(v -> v.startsWith(plugin)).sorted().findFirst()
            .filter(used -> !told.startsWith(used + " ") && !told.equals(used)).orElse(told);
    }
}
