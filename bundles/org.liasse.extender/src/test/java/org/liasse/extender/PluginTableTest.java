package org.liasse.extender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.RightDefinition;
import org.liasse.api.definition.Severity;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginState;

class PluginTableTest {

    private static final SourceLocation HERE = new SourceLocation("META-INF/liasse/q.json", 1, 1);

    private static PluginDefinitions definitions(String code, String version, int... years) {
        QuestionnaireDefinition questionnaire = new QuestionnaireDefinition(code, version, "Q",
            java.util.Arrays.stream(years).boxed().toList(), List.of(), Map.of(), HERE);
        ControlDefinition control = new ControlDefinition("C_" + code, code, Severity.ERROR, "1 = 1", "m", List.of(), HERE);
        return new PluginDefinitions(List.of(questionnaire), List.of(control), List.of(),
            List.of(new RightDefinition(code.toLowerCase() + ".saisir", "Saisir", HERE)), List.of(), Map.of());
    }

    @Test
    void aRejectedVersionKeepsThePreviousDefinitionsActive() {
        PluginTable table = new PluginTable();
        table.loaded("p", "1.0.0", definitions("Q", "1.0", 2025));
        table.rejected("p", "2.0.0", List.of(new DefinitionProblem(HERE, "cassé")));

        PluginInfo info = table.plugin("p").orElseThrow();
        assertEquals(PluginState.REJECTED, info.state());
        assertEquals("2.0.0", info.version());
        assertEquals("1.0.0", info.activeVersion());
        assertEquals(1, info.problems().size());
        assertTrue(table.questionnaire("Q", "1.0").isPresent());
        assertEquals(1, table.controls("Q").size());
        assertEquals(List.of("q.saisir"), table.rights().stream().map(RightDefinition::code).toList());
    }

    @Test
    void aRejectedFirstVersionOffersNothing() {
        PluginTable table = new PluginTable();
        table.rejected("p", "1.0.0", List.of(new DefinitionProblem(HERE, "cassé")));

        assertNull(table.plugin("p").orElseThrow().activeVersion());
        assertTrue(table.questionnaire("Q", "1.0").isEmpty());
    }

    @Test
    void deactivationWithdrawsDefinitionsButRemembersThePlugin() {
        PluginTable table = new PluginTable();
        table.loaded("p", "1.0.0", definitions("Q", "1.0", 2025));
        table.deactivated("p");

        PluginInfo info = table.plugin("p").orElseThrow();
        assertEquals(PluginState.INACTIVE, info.state());
        assertEquals(0, info.controls());
        assertTrue(table.questionnaire("Q", "1.0").isEmpty());
        assertTrue(table.controls("Q").isEmpty());
        assertTrue(table.rights().isEmpty(), "its rights are withdrawn too");
    }

    @Test
    void theHighestApplicableVersionServesACampaignYear() {
        PluginTable table = new PluginTable();
        table.loaded("a", "1.0.0", definitions("Q", "2025.2", 2025));
        table.loaded("b", "1.0.0", definitions("Q", "2025.10", 2025));
        table.loaded("c", "1.0.0", definitions("Q", "2026.1", 2026));

        assertEquals("2025.10", table.questionnaireForYear("Q", 2025).orElseThrow().version());
        assertEquals("2026.1", table.latest("Q", null).orElseThrow().version());
        assertEquals("2025.10", table.latest("Q", "c").orElseThrow().version(), "a plugin's own versions are excluded");
        assertTrue(table.questionnaireForYear("Q", 2024).isEmpty());
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertTrue(PluginTable.compareVersions("2025.10", "2025.9") > 0);
        assertTrue(PluginTable.compareVersions("1.0", "1.0.1") < 0);
        assertEquals(0, PluginTable.compareVersions("1.0", "1.0.0"));
    }
}
