package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;
import org.liasse.api.verification.ImpactLine;

/** The comparison of a dossier's failing controls before and after a change of the controls. */
class ImpactTest {

    private static ControlOutcome outcome(String code, ControlStatus status) {
        return new ControlOutcome(code, Severity.ERROR, status, "", Map.of(), List.of(), "p 1.0.0");
    }

    @Test
    void failingMeansFailedOrNotEvaluated() {
        assertEquals(Set.of("A", "D"), Impact.failing(List.of(outcome("A", ControlStatus.FAILED),
            outcome("B", ControlStatus.PASSED), outcome("C", ControlStatus.NOT_APPLICABLE),
            outcome("D", ControlStatus.RUNTIME_ERROR))));
    }

    @Test
    void newlyFailingAndNewlyPassingAreSortedDifferences() {
        ImpactLine line = Impact.line("000000018", 7, Set.of("B", "A", "KEPT"), Set.of("KEPT", "Z", "C")).orElseThrow();
        assertEquals(List.of("C", "Z"), line.newlyFailing());
        assertEquals(List.of("A", "B"), line.newlyPassing());
        assertEquals("000000018", line.siren());
        assertEquals(7, line.dossierId());
    }

    @Test
    void aWithdrawnFailingControlCountsAsNewlyPassing() {
        ImpactLine line = Impact.line("000000018", 7, Set.of("RETIRE"), Set.of()).orElseThrow();
        assertEquals(List.of(), line.newlyFailing());
        assertEquals(List.of("RETIRE"), line.newlyPassing());
    }

    @Test
    void noChangeGivesNoLine() {
        assertTrue(Impact.line("000000018", 7, Set.of("A"), Set.of("A")).isEmpty());
        assertTrue(Impact.line("000000018", 7, Set.of(), Set.of()).isEmpty());
    }

    @Test
    void theTriggerNamesTheVersionWhoseRulesWereUsed() {
        List<String> used = List.of("org.liasse.ministry.er 0.1.0", "org.liasse.itest 1.0.0");
        assertEquals("org.liasse.ministry.er 0.1.0", Impact.trigger("org.liasse.ministry.er 0.3.0", used));
        assertEquals("org.liasse.ministry.er 0.1.0", Impact.trigger("org.liasse.ministry.er 0.1.0", used));
        assertEquals("org.liasse.autre 2.0.0 (retiré)", Impact.trigger("org.liasse.autre 2.0.0 (retiré)", used),
            "a withdrawn plugin has no rule left");
        assertEquals("démarrage", Impact.trigger("démarrage", used));
    }
}
