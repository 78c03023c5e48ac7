package org.liasse.extender;

import java.util.Optional;
import java.util.Set;

import org.liasse.api.plugin.PluginActivation;

/**
 * Which of the started versions of a plugin is to be active, given the recorded decision. A version never recorded
 * and newer than the recorded one is a new deployment (into {@code deploy/}, by the console or a features upgrade,
 * while the server runs or while it was down): it becomes active and is recorded. Otherwise the recorded version is
 * active, whatever the order in which the bundles start: while it is still starting, none is. When it is no longer
 * started, the previous version (else the newest started one) stands in, and that is recorded only when the recorded
 * version was uninstalled (its jar deleted from {@code deploy/}).
 */
final class VersionChoice {

    /** Where the bundle of the recorded version stands, when it is not started. */
    enum Recorded {
        /** Installed, meant to start, and the framework has not reached its start level yet: wait for it. */
        STARTING,
        /** Installed but stopped, or failed to start. */
        STOPPED,
        /** Uninstalled. */
        GONE
    }

    /**
     * One choice.
     *
     * @param version the version to activate
     * @param record  whether it becomes the recorded decision
     */
    record Choice(String version, boolean record) {
    }

    private VersionChoice() {
    }

    /**
     * @param started  versions of the plugin's started bundles
     * @param decision the recorded decision, or {@code null} before the first one
     * @param known    every version ever recorded for the plugin
     * @param recorded where the recorded version's bundle stands when it is not started
     * @return the version to activate, or empty when none is (none started, or the recorded one is starting)
     */
    static Optional<Choice> choose(Set<String> started, PluginActivation decision, Set<String> known,
                                   Recorded recorded) {
        Optional<String> newest = started.stream().max(PluginTable::compareVersions);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        if (decision == null) {
            return Optional.of(new Choice(newest.get(), true));
        }
        Optional<String> deployed = started.stream().filter(v -> !known.contains(v))
            .filter(v -> PluginTable.compareVersions(v, decision.version()) > 0).max(PluginTable::compareVersions);
        if (deployed.isPresent()) {
            return Optional.of(new Choice(deployed.get(), true));
        }
        if (started.contains(decision.version())) {
            return Optional.of(new Choice(decision.version(), false));
        }
        if (recorded == Recorded.STARTING) {
            return Optional.empty();
        }
        String standIn = decision.previousVersion() != null && started.contains(decision.previousVersion())
            ? decision.previousVersion() : newest.get();
        return Optional.of(new Choice(standIn, recorded == Recorded.GONE));
    }
}
