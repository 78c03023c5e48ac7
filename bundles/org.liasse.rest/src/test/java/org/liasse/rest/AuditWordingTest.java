package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.liasse.api.audit.AuditEvent;

/** Every action the server writes to the audit log reads as French, on the journal page and in its CSV export. */
class AuditWordingTest {

    private static final Pattern LITERAL_ACTION = Pattern.compile("AuditEvent\\(\"([^\"]+)\"");

    @Test
    void everyLiteralActionCodeWrittenByTheServerHasFrenchWords() throws IOException {
        Set<String> codes;
        try (Stream<Path> files = Files.walk(Path.of("..")).filter(AuditWordingTest::mainJavaSource)) {
            codes = files.flatMap(AuditWordingTest::actionCodes).collect(Collectors.toSet());
        }

        assertTrue(codes.size() > 30, "codes found: " + codes);
        assertEquals(List.of(), codes.stream().filter(code -> !AuditWording.knows(code)).sorted().toList());
    }

    @Test
    void anEntryReadsAsASentenceNamingWhoDidWhatToWhom() {
        assertEquals("Droits de dominique modifiés par camille", sentence("droits.modifies", "camille", "dominique"));
        assertEquals("Connexion échouée pour l’identifiant x", sentence("connexion.echouee", "anonyme", "x"));
        assertEquals("Connexions verrouillées pour alice après trop d’échecs", sentence("verrouillage", "systeme", "alice"));
    }

    @Test
    void deAndÀBeforeANameAreElidedOrContracted() {
        assertEquals("Droits d’alice modifiés par camille", sentence("droits.modifies", "camille", "alice"));
        assertEquals("Compte d’Élodie créé par camille", sentence("compte.cree", "camille", "Élodie"));
        assertEquals("Connexion d’une personne non connectée", sentence("connexion.reussie", null, null));
        assertEquals("Demande du serveur esh refusée (lot 4)", sentence("serveur.refus", "serveur:esh", "lot 4"));
        assertEquals("Données envoyées au serveur oph (lot 5)", sentence("serveur.envoi", "serveur:oph", "lot 5"));
        assertEquals("Droits de hugo modifiés par camille", sentence("droits.modifies", "camille", "hugo"),
            "no elision before h, which may be aspirated");
    }

    @Test
    void anUnknownCodeStillReadsNeverAsABareCode() {
        assertEquals("Requête PATCH sur /dossiers/4/values par bob",
            sentence("PATCH /dossiers/{id}/values", "bob", "/dossiers/4/values"));
        assertEquals("Action « nouveau.code » par une personne non connectée", sentence("nouveau.code", "anonyme", null));
        assertEquals("nouveau.code", AuditWording.label("nouveau.code"));
        assertEquals("Dossier signé", AuditWording.label("dossier.signe"));
    }

    @Test
    void actionsAreListedInFrenchAlphabeticalOrder() {
        List<String> labels = AuditWording.actions().stream().map(AuditWording.Action::label).toList();

        assertEquals("Activation refusée", labels.get(0));
        assertTrue(labels.indexOf("Campagne créée") < labels.indexOf("Code d’activation émis"), labels.toString());
        assertTrue(labels.indexOf("Code d’activation émis") < labels.indexOf("Compte activé"), labels.toString());
        assertTrue(labels.indexOf("Envoi à un serveur pair") < labels.indexOf("Envoi du lien abandonné"), labels.toString());
    }

    private static String sentence(String action, String actor, String target) {
        return AuditWording.sentence(new AuditEvent(action, actor, null, null, target, null));
    }

    private static boolean mainJavaSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/");
    }

    private static Stream<String> actionCodes(Path file) {
        try {
            return LITERAL_ACTION.matcher(Files.readString(file)).results().map(match -> match.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
