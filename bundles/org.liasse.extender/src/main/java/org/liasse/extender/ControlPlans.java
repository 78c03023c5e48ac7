package org.liasse.extender;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.liasse.api.control.ControlPlan;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.control.CompiledPlan;

/**
 * Compiled plans per questionnaire version, built on first use from the rules of the active plugins and dropped
 * as a whole whenever the plugin table changes.
 */
final class ControlPlans {

    private record Cache(Object revision, Map<String, Optional<ControlPlan>> plans) {
    }

    private final PluginTable table;
    private final AtomicReference<Cache> cache = new AtomicReference<>(new Cache(null, Map.of()));

    ControlPlans(PluginTable table) {
        this.table = table;
    }

    Optional<ControlPlan> plan(String code, String version) {
        Object revision = table.revision();
        Cache current = cache.get();
        if (current.revision() != revision) {
            Cache fresh = new Cache(revision, new ConcurrentHashMap<>());
            current = cache.compareAndSet(current, fresh) ? fresh : cache.get();
        }
        return current.plans().computeIfAbsent(code + " " + version, key -> build(code, version));
    }

    private Optional<ControlPlan> build(String code, String version) {
        Optional<QuestionnaireDefinition> questionnaire = table.questionnaire(code, version);
        return questionnaire.map(q -> CompiledPlan.build(q, other -> table.latest(other, null), table.rules(code)));
    }
}
