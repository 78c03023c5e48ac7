package org.liasse.extender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.RulePlugin.control;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.SourceLocation;
import org.liasse.extender.definition.LoadResult;
import org.liasse.extender.definition.RulePlugin;

/** The engine's plans follow the plugin table: built once, rebuilt when a plugin is updated, gone when withdrawn. */
class ControlPlansTest {

    private final PluginTable table = new PluginTable();
    private final ControlPlans plans = new ControlPlans(table);

    private void load(String version, String rule) {
        LoadResult.Loaded loaded = (LoadResult.Loaded) RulePlugin.load(RulePlugin.files(control("C", rule, "m"), ""));
        table.loaded("org.exemple.regles", version, loaded.definitions(), loaded.rules());
    }

    private ControlStatus status(ControlPlan plan) {
        return plan.evaluate(ControlData.of(Map.of("F.R1.M", "5"))).outcomes().get(0).status();
    }

    @Test
    void plansAreBuiltOnceAndFollowPluginUpdates() {
        load("1.0.0", "F.R1.M > 0");
        ControlPlan first = plans.plan("T", "2025.1").orElseThrow();
        assertSame(first, plans.plan("T", "2025.1").orElseThrow());
        assertEquals(ControlStatus.PASSED, status(first));
        assertEquals("org.exemple.regles 1.0.0", first.controls().get(0).ruleVersion());

        load("1.1.0", "F.R1.M > 10");
        ControlPlan second = plans.plan("T", "2025.1").orElseThrow();
        assertEquals(ControlStatus.FAILED, status(second));
        assertEquals("org.exemple.regles 1.1.0", second.controls().get(0).ruleVersion());
        assertEquals(ControlStatus.PASSED, status(first), "a plan taken before keeps its rules");

        table.rejected("org.exemple.regles", "1.2.0", List.of(new DefinitionProblem(new SourceLocation("f", 1, 1), "x")));
        assertEquals("org.exemple.regles 1.1.0", plans.plan("T", "2025.1").orElseThrow().controls().get(0).ruleVersion());

        table.deactivated("org.exemple.regles");
        assertTrue(plans.plan("T", "2025.1").isEmpty());
        assertTrue(plans.plan("T", "1999.1").isEmpty());
    }

    @Test
    void onlyQuestionnairesWhoseRulesReallyChangedAreReported() {
        Map<String, List<String>> empty = table.signatures();
        load("1.0.0", "F.R1.M > 0");
        Map<String, List<String>> first = table.signatures();
        assertEquals(Set.of("T"), PluginTable.changed(empty, first), "rules installed");
        String fingerprint = plans.plan("T", "2025.1").orElseThrow().fingerprint();

        load("1.0.1", "F.R1.M > 0");
        assertEquals(Set.of(), PluginTable.changed(first, table.signatures()), "same rules in a new plugin version");
        assertEquals(fingerprint, plans.plan("T", "2025.1").orElseThrow().fingerprint());

        load("1.1.0", "F.R1.M > 10");
        Map<String, List<String>> changed = table.signatures();
        assertEquals(Set.of("T"), PluginTable.changed(first, changed), "a rule changed");
        assertNotEquals(fingerprint, plans.plan("T", "2025.1").orElseThrow().fingerprint());

        table.deactivated("org.exemple.regles");
        assertEquals(Set.of("T"), PluginTable.changed(changed, table.signatures()), "rules withdrawn");
    }

    @Test
    void plansTellWhatTheyRead() {
        load("1.0.0", "F.R1.M > 0");
        ControlPlan plain = plans.plan("T", "2025.1").orElseThrow();
        assertFalse(plain.readsPrevious());
        assertEquals(Set.of(), plain.questionnairesRead());
        load("1.1.0", "F.R1.M > prev(F.R1.M)");
        assertTrue(plans.plan("T", "2025.1").orElseThrow().readsPrevious());
    }
}
