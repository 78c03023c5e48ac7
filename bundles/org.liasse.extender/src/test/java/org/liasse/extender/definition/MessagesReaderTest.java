package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.SourceLocation;

class MessagesReaderTest {

    private final List<DefinitionProblem> problems = new ArrayList<>();

    private Map<String, String> read(String text) {
        return MessagesReader.read(text.getBytes(StandardCharsets.UTF_8), new FileProblems("m.properties", problems));
    }

    @Test
    void readsThePropertiesSyntax() {
        Map<String, String> messages = read("""
                # commentaire
                ! autre commentaire
                a=Créances
                b = valeur avec espaces\\u0020
                c:deux-points
                d valeur séparée par un espace
                e=ligne \\
                   continuée \\\\
                f=tab\\tfin
                clé\\ avec\\=espace=x
                g=
                """);

        assertEquals(Map.of("a", "Créances", "b", "valeur avec espaces ", "c", "deux-points",
                "d", "valeur séparée par un espace", "e", "ligne continuée \\", "f", "tab\tfin",
                "clé avec=espace", "x", "g", ""), messages);
        assertEquals(List.of(), problems);
    }

    @Test
    void reportsProblemsOnContinuationLinesAtTheirLine() {
        read("a=un \\\n    deux \\u12\n= vide\n:vide aussi");

        assertEquals(List.of(
                new DefinitionProblem(new SourceLocation("m.properties", 2, 10),
                        "séquence d'échappement \\u invalide : \\u12"),
                new DefinitionProblem(new SourceLocation("m.properties", 3, 1), "clé de message vide"),
                new DefinitionProblem(new SourceLocation("m.properties", 4, 1), "clé de message vide")), problems);
    }

    @Test
    void contentMustBeUtf8() {
        Map<String, String> messages = MessagesReader.read("a=Créances".getBytes(StandardCharsets.ISO_8859_1),
                new FileProblems("m.properties", problems));

        assertEquals(Map.of(), messages);
        assertEquals(List.of(new DefinitionProblem(new SourceLocation("m.properties", 1, 5),
                "encodage invalide : le fichier doit être en UTF-8")), problems);
    }
}
