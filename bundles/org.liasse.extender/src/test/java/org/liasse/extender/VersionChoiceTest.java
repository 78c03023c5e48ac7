package org.liasse.extender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liasse.api.plugin.PluginActivation;
import org.liasse.extender.VersionChoice.Choice;
import org.liasse.extender.VersionChoice.Recorded;

/** Which started version of a plugin is active, whatever the order in which its bundles start. */
class VersionChoiceTest {

    private static final PluginActivation DEPLOYED = decision("0.3.0", "0.1.0");
    private static final Set<String> KNOWN = Set.of("0.1.0", "0.3.0");

    private static PluginActivation decision(String version, String previous) {
        return new PluginActivation("org.liasse.ministry.er", version, previous, "déploiement", Instant.EPOCH);
    }

    private static Optional<Choice> choose(Set<String> started, PluginActivation decision, Recorded recorded) {
        return VersionChoice.choose(started, decision, KNOWN, recorded);
    }

    @Test
    void theFirstVersionStartedIsRecorded() {
        assertEquals(Optional.of(new Choice("0.1.0", true)), VersionChoice.choose(Set.of("0.1.0"), null, Set.of(),
            Recorded.GONE));
    }

    @Test
    void atStartTheShippedVersionWaitsForTheRecordedOneWhicheverStartsFirst() {
        assertEquals(Optional.empty(), choose(Set.of("0.1.0"), DEPLOYED, Recorded.STARTING));
        assertEquals(Optional.of(new Choice("0.3.0", false)), choose(Set.of("0.1.0", "0.3.0"), DEPLOYED,
            Recorded.STARTING));
        assertEquals(Optional.of(new Choice("0.3.0", false)), choose(Set.of("0.3.0"), DEPLOYED, Recorded.STARTING));
    }

    @Test
    void aNewerVersionNeverRecordedIsADeployment() {
        assertEquals(Optional.of(new Choice("0.4.0", true)), choose(Set.of("0.1.0", "0.3.0", "0.4.0"), DEPLOYED,
            Recorded.STARTING));
        assertEquals(Optional.of(new Choice("0.3.0", false)), choose(Set.of("0.2.0", "0.3.0"), DEPLOYED,
            Recorded.STARTING), "an older version never recorded is not a deployment");
    }

    @Test
    void aVersionRolledBackFromDoesNotComeBackAtRestart() {
        PluginActivation rolledBack = decision("0.1.0", "0.3.0");
        assertEquals(Optional.of(new Choice("0.1.0", false)), choose(Set.of("0.1.0", "0.3.0"), rolledBack,
            Recorded.STARTING));
        assertEquals(Optional.empty(), choose(Set.of("0.3.0"), rolledBack, Recorded.STARTING));
    }

    @Test
    void deletingTheRecordedVersionRestoresThePreviousOneAndRecordsIt() {
        assertEquals(Optional.of(new Choice("0.1.0", true)), choose(Set.of("0.1.0", "0.2.0"), DEPLOYED, Recorded.GONE));
        assertEquals(Optional.of(new Choice("0.2.0", true)), choose(Set.of("0.2.0"), DEPLOYED, Recorded.GONE));
        assertEquals(Optional.empty(), choose(Set.of(), DEPLOYED, Recorded.GONE));
    }

    @Test
    void aStoppedRecordedVersionIsReplacedWithoutChangingTheDecision() {
        assertEquals(Optional.of(new Choice("0.1.0", false)), choose(Set.of("0.1.0"), DEPLOYED, Recorded.STOPPED));
    }
}
