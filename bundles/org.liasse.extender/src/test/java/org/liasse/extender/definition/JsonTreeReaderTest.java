package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.SourceLocation;
import org.liasse.extender.definition.LocatedNode.JsonArray;
import org.liasse.extender.definition.LocatedNode.JsonNumber;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

class JsonTreeReaderTest {

    private final List<DefinitionProblem> problems = new ArrayList<>();

    private Optional<JsonTree> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<JsonTree> read(byte[] content) {
        return JsonTreeReader.read(content, new FileProblems("f.json", problems));
    }

    @Test
    void nodesKnowTheirLineAndColumn() {
        JsonObject root = (JsonObject) read("{\n  \"libellé\": \"Créances\", \"n\": [1, 2.50]\n}").orElseThrow().root();

        assertEquals(new Position(1, 1), root.position());
        assertEquals(2, root.member("n").orElseThrow().position().line());
        assertEquals(26, root.member("n").orElseThrow().position().column());
        JsonArray numbers = (JsonArray) root.get("n").orElseThrow();
        assertEquals(new Position(2, 35), numbers.items().get(1).position());
        assertEquals(new BigDecimal("2.50"), ((JsonNumber) numbers.items().get(1)).value());
        assertEquals(new Position(2, 14), root.get("libellé").orElseThrow().position());
    }

    @Test
    void jsonNestedTooDeeplyIsRefusedWhereTheTooDeepLevelOpens() {
        String json = "{\"a\":\n" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
        assertTrue(read(json).isEmpty());
        assertEquals(List.of(new DefinitionProblem(new SourceLocation("f.json", 2, JsonTreeReader.MAX_NESTING),
            "JSON trop imbriqué : " + JsonTreeReader.MAX_NESTING + " niveaux d'objets et de tableaux au plus")), problems);
    }

    @Test
    void numbersWithHugeExponentsAreRefusedWhereTheyAreWritten() {
        assertTrue(read("{\"min\": 1e999999999}").isEmpty());
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(new SourceLocation("f.json", 1, 9), problems.get(0).location());
        assertTrue(problems.get(0).message().startsWith("nombre hors limites"), problems::toString);
    }

    @Test
    void positionsInsideStringsCountEscapeSequences() {
        JsonTree tree = read("{\"e\": \"\\u00c9CART + A.B.C\"}").orElseThrow();
        JsonString expression = (JsonString) ((JsonObject) tree.root()).get("e").orElseThrow();

        assertEquals("ÉCART + A.B.C", expression.value());
        assertEquals(8, tree.positionInString(expression, 0).column());
        assertEquals(14, tree.positionInString(expression, 1).column());
        assertEquals(21, tree.positionInString(expression, 8).column());
    }

    @Test
    void wholeNumbersWrittenWithDecimalsAreIntegers() {
        JsonArray numbers = (JsonArray) read("[2025, 2025.0, 0, 1.5]").orElseThrow().root();

        assertEquals(List.of(true, true, true, false),
                numbers.items().stream().map(item -> ((JsonNumber) item).integral()).toList());
    }

    @Test
    void duplicateKeysAreAllReported() {
        Optional<JsonTree> tree = read("{\"code\": \"A\",\n \"code\": \"B\", \"x\": {\"y\": 1, \"y\": 2}}");

        assertTrue(tree.isEmpty());
        assertEquals(List.of(new DefinitionProblem(new SourceLocation("f.json", 2, 2), "clé en double : « code »"),
                new DefinitionProblem(new SourceLocation("f.json", 2, 29), "clé en double : « y »")), problems);
    }

    @Test
    void syntaxErrorsGiveJacksonsPosition() {
        assertTrue(read("{\"a\": 1,\n \"b\": }").isEmpty());

        assertEquals(1, problems.size());
        assertEquals(new SourceLocation("f.json", 2, 7), problems.get(0).location());
        assertTrue(problems.get(0).message().startsWith("JSON invalide : Unexpected character ('}'"),
                problems.get(0).message());
    }

    @Test
    void truncatedDocumentIsInvalid() {
        assertTrue(read("{\"a\": [1,").isEmpty());

        assertEquals(1, problems.get(0).location().line());
        assertTrue(problems.get(0).message().startsWith("JSON invalide : Unexpected end-of-input"),
                problems.get(0).message());
    }

    @Test
    void emptyFileIsInvalid() {
        assertTrue(read("  \n").isEmpty());

        assertEquals(List.of(new DefinitionProblem(new SourceLocation("f.json", 1, 1),
                "JSON invalide : le fichier est vide")), problems);
    }

    @Test
    void trailingContentIsInvalid() {
        assertTrue(read("{}\n{}").isEmpty());

        assertEquals(List.of(new DefinitionProblem(new SourceLocation("f.json", 2, 1),
                "JSON invalide : contenu inattendu après la fin du document")), problems);
    }

    @Test
    void contentMustBeUtf8() {
        byte[] latin1 = "{\"titre\": \"Créances\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertTrue(read(latin1).isEmpty());

        assertEquals(List.of(new DefinitionProblem(new SourceLocation("f.json", 1, 14),
                "encodage invalide : le fichier doit être en UTF-8")), problems);
    }

    @Test
    void byteOrderMarkIsIgnored() {
        JsonTree tree = read("\uFEFF{\"a\": \"b\"}").orElseThrow();

        assertInstanceOf(JsonObject.class, tree.root());
        assertEquals(List.of(), problems);
    }
}
