package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.SourceLocation;

class SchemaValidatorTest {

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Essai",
              "type": "object",
              "required": ["annee"],
              "additionalProperties": false,
              "properties": {
                "annee": { "type": "integer", "minimum": 2000, "maximum": 2100 },
                "libelle": { "type": "string", "minLength": 1, "maxLength": 5, "default": "x" },
                "taux": { "type": ["number", "null"] },
                "format": { "const": "liasse" },
                "lignes": { "type": "array", "minItems": 2, "items": { "$ref": "#/$defs/ligne" } },
                "extra": { "type": "object", "additionalProperties": { "type": "boolean" } }
              },
              "$defs": {
                "ligne": { "type": "string", "pattern": "^R[0-9]+$" }
              }
            }
            """;

    private final SchemaValidator validator = new SchemaValidator(tree(SCHEMA).root());
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private boolean validate(String json) {
        return validator.validate(tree(json).root(), new FileProblems("f.json", problems));
    }

    @Test
    void acceptsAValidDocument() {
        assertTrue(validate("""
                {"annee": 2025, "libelle": "Actif", "taux": null, "format": "liasse",
                 "lignes": ["R01", "R02"], "extra": {"a": true}}
                """));
        assertEquals(List.of(), problems);
    }

    @Test
    void integerAcceptsWholeNumbersOnly() {
        assertTrue(validate("{\"annee\": 2025.0}"));
        assertFalse(validate("{\"annee\": 2025.5}"));

        assertEquals(List.of(problem(1, 11, "type attendu : entier (trouvé : nombre)")), problems);
    }

    @Test
    void reportsBoundsAndLengths() {
        assertFalse(validate("{\"annee\": 1999,\n\"libelle\": \"\",\n\"x\": 1}"));
        assertFalse(validate("{\"annee\": 2101, \"libelle\": \"Trésorerie\"}"));

        assertEquals(List.of(
                problem(1, 11, "valeur trop petite : 1999 (minimum : 2000)"),
                problem(2, 12, "texte trop court : au moins 1 caractère attendu"),
                problem(3, 1, "propriété inconnue : « x »"),
                problem(1, 11, "valeur trop grande : 2101 (maximum : 2100)"),
                problem(1, 28, "texte trop long : au plus 5 caractères attendus, 10 trouvés")), problems);
    }

    @Test
    void hugeNumbersAreShownCompactly() {
        assertFalse(validate("{\"annee\": 1e39}"));

        assertEquals(List.of(problem(1, 11, "valeur trop grande : 1E+39 (maximum : 2100)")), problems);
    }

    @Test
    void checksTypeUnionsConstantsItemsAndAdditionalSchemas() {
        assertFalse(validate("""
                {"annee": 2025, "taux": "5", "format": "autre", "lignes": ["R01", "L2"], "extra": {"a": 1}}
                """));

        assertEquals(List.of(
                problem(1, 25, "type attendu : nombre ou null (trouvé : chaîne)"),
                problem(1, 40, "valeur attendue : « liasse »"),
                problem(1, 67, "valeur « L2 » non conforme au motif ^R[0-9]+$"),
                problem(1, 89, "type attendu : booléen (trouvé : entier)")), problems);
    }

    @Test
    void reportsMissingPropertiesAndTooFewItems() {
        assertFalse(validate("{\"lignes\": [\"R01\"]}"));

        assertEquals(List.of(problem(1, 1, "propriété obligatoire manquante : « annee »"),
                problem(1, 12, "au moins 2 éléments attendus")), problems);
    }

    @Test
    void rejectsUnsupportedKeywordsAndReferences() {
        assertThrows(IllegalArgumentException.class,
                () -> new SchemaValidator(tree("{\"type\": \"object\", \"oneOf\": []}").root()));
        assertThrows(IllegalArgumentException.class,
                () -> new SchemaValidator(tree("{\"items\": {\"$ref\": \"#/$defs/absent\"}}").root()));
        assertThrows(IllegalArgumentException.class,
                () -> new SchemaValidator(tree("{\"$ref\": \"other.json#/x\"}").root()));
    }

    @Test
    void shippedSchemasLoadFromTheClasspath() {
        for (String name : List.of("questionnaire", "controls", "reports")) {
            SchemaValidator shipped = SchemaValidator.fromClasspath("/schemas/" + name + ".schema.json");
            assertFalse(shipped.validate(tree("{}").root(), new FileProblems("f.json", problems)));
        }
        assertEquals(List.of("code", "version", "title", "years", "fiches", "controls", "reports"),
                problems.stream().map(problem -> problem.message().replaceAll(".*« (.*) »", "$1")).toList());
        assertThrows(IllegalStateException.class, () -> SchemaValidator.fromClasspath("/schemas/absent.json"));
    }

    private static DefinitionProblem problem(int line, int column, String message) {
        return new DefinitionProblem(new SourceLocation("f.json", line, column), message);
    }

    private static JsonTree tree(String json) {
        return JsonTreeReader.read(json.getBytes(StandardCharsets.UTF_8), new FileProblems("t.json", new ArrayList<>()))
                .orElseThrow();
    }
}
