package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.RightDefinition;

/** Extra rights declared by plugins in {@code rights/*.json}. */
class RightsTest {

    private static final String FILE = "META-INF/liasse/rights/droits.json";

    private static LoadResult load(String json) {
        return new DefinitionLoader().load(List.of(new DefinitionFile(FILE, json.getBytes(StandardCharsets.UTF_8))),
            code -> Optional.empty());
    }

    @Test
    void aPluginMayDeclareRightsOnly() {
        LoadResult result = load("""
            { "rights": [ { "code": "enquete.activite.saisir", "label": "Saisir l'enquête Activité" } ] }
            """);
        List<RightDefinition> rights = assertInstanceOf(LoadResult.Loaded.class, result).definitions().rights();
        assertEquals(1, rights.size());
        assertEquals("enquete.activite.saisir", rights.get(0).code());
        assertEquals("Saisir l'enquête Activité", rights.get(0).label());
        assertEquals(FILE, rights.get(0).location().file());
    }

    @Test
    void duplicateAndCoreCodesAreRejectedWithTheirLines() {
        LoadResult result = load("""
            {
              "rights": [
                { "code": "enquete.activite.saisir", "label": "A" },
                { "code": "enquete.activite.saisir", "label": "B" },
                { "code": "dossier.signer", "label": "C" }
              ]
            }
            """);
        List<DefinitionProblem> problems = assertInstanceOf(LoadResult.Rejected.class, result).problems();
        assertEquals(List.of(4, 5), problems.stream().map(p -> p.location().line()).toList(), problems.toString());
        assertTrue(problems.get(0).message().contains("en double"));
        assertTrue(problems.get(1).message().contains("droit du socle"));
    }

    @Test
    void aMalformedCodeBreaksTheSchema() {
        LoadResult result = load("""
            { "rights": [ { "code": "Enquete", "label": "D" } ] }
            """);
        DefinitionProblem problem = assertInstanceOf(LoadResult.Rejected.class, result).problems().get(0);
        assertEquals(1, problem.location().line());
        assertTrue(problem.message().contains("non conforme au motif"), problem.message());
    }
}
