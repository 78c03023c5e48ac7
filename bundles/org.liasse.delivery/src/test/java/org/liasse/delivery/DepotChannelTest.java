package org.liasse.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Directory drops: one folder per parcel key, written once, completed after a crash, never silently replaced. */
class DepotChannelTest {

    private static final String KEY = "DHUP-2025-ER-000000018-1";

    @TempDir
    Path directory;

    private DepotChannel channel;

    @BeforeEach
    void rootOfDrops() {
        channel = new DepotChannel(directory);
    }

    @Test
    void theParcelGoesIntoAFolderNamedAfterItsKeyWithItsManifestLast() throws Exception {
        DeliveryReceipt receipt = channel.deliver(Fixtures.parcel(KEY), settings());

        Path folder = directory.resolve(KEY);
        assertEquals("depot:" + KEY, receipt.reference(), "a reference, never a path of the server");
        assertEquals("Déposé dans le répertoire du destinataire, dossier " + KEY + " (2 fichiers, "
            + String.format(Locale.FRANCE, "%,d", Fixtures.PDF.length + Fixtures.XML.length) + " octets)",
            receipt.detail());
        assertArrayEquals(Fixtures.PDF, Files.readAllBytes(folder.resolve("ER-2025-000000018.pdf")));
        assertArrayEquals(Fixtures.XML, Files.readAllBytes(folder.resolve("ER-2025-000000018.xml")));
        assertEquals(List.of("ER-2025-000000018.pdf", "ER-2025-000000018.xml", "manifest.json"), names(folder));

        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        assertEquals(KEY, manifest.get("key").asText());
        assertEquals("000000018", manifest.get("siren").asText());
        assertEquals(2025, manifest.get("year").asInt());
        assertEquals("ER", manifest.get("questionnaire").asText());
        assertEquals(Fixtures.PDF.length, manifest.get("files").get(0).get("size").asInt());
        assertEquals(Manifest.sha256(Fixtures.PDF), manifest.get("files").get(0).get("sha256").asText());
    }

    @Test
    void theSameParcelTwiceLeavesOneCopyAndGivesTheSameReceipt() throws Exception {
        DeliveryReceipt first = channel.deliver(Fixtures.parcel(KEY), settings());
        Path folder = directory.resolve(KEY);
        FileTime old = FileTime.fromMillis(0);
        for (String name : names(folder)) {
            Files.setLastModifiedTime(folder.resolve(name), old);
        }

        DeliveryReceipt second = channel.deliver(Fixtures.parcel(KEY), settings());

        assertEquals(first, second);
        assertEquals(List.of(KEY), names(directory));
        assertEquals(3, names(folder).size());
        for (String name : names(folder)) {
            assertEquals(old, Files.getLastModifiedTime(folder.resolve(name)), name + " was written again");
        }
    }

    @Test
    void aDropInterruptedBeforeItsManifestIsCompletedWithoutRewritingWhatIsThere() throws Exception {
        Path folder = Files.createDirectories(directory.resolve(KEY));
        Files.write(folder.resolve("ER-2025-000000018.pdf"), Fixtures.PDF);
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(folder.resolve("ER-2025-000000018.pdf"), old);

        channel.deliver(Fixtures.parcel(KEY), settings());

        assertEquals(old, Files.getLastModifiedTime(folder.resolve("ER-2025-000000018.pdf")));
        assertEquals(List.of("ER-2025-000000018.pdf", "ER-2025-000000018.xml", "manifest.json"), names(folder));
    }

    @Test
    void aFileOfTheSameNameWithAnotherContentIsNeverReplaced() throws Exception {
        Path folder = Files.createDirectories(directory.resolve(KEY));
        Files.writeString(folder.resolve("ER-2025-000000018.pdf"), "autre chose");

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings()));

        assertTrue(failure.permanent());
        assertTrue(failure.getMessage().contains("« ER-2025-000000018.pdf » déjà déposé"), failure.getMessage());
        assertEquals("autre chose", Files.readString(folder.resolve("ER-2025-000000018.pdf")));
        assertFalse(Files.exists(folder.resolve("manifest.json")));
    }

    @Test
    void keysAndFileNamesCannotLeaveTheDirectory() throws Exception {
        DeliveryReceipt receipt = channel.deliver(Fixtures.parcel("../../etc/passwd"), settings());

        Path folder = directory.resolve(receipt.reference().substring("depot:".length()));
        assertTrue(Files.isDirectory(folder), folder.toString());
        assertTrue(folder.getFileName().toString().matches("_.._etc_passwd-[0-9a-f]{8}"), folder.toString());
        assertEquals(List.of(folder.getFileName().toString()), names(directory));
    }

    @Test
    void aMissingDirectoryIsARetryableFailure() {
        DeliveryException failure = assertThrows(DeliveryException.class, () -> channel.deliver(Fixtures.parcel(KEY),
            Map.of("directory", directory.resolve("absent").toString())));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().contains("n'existe pas"), failure.getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals(List.of(), channel.check(settings()));
        assertEquals(List.of("Le répertoire de dépôt (directory) est obligatoire."), channel.check(Map.of()));
        assertEquals(List.of("Le répertoire de dépôt doit être un chemin absolu : « depots/dhup »."),
            channel.check(Map.of("directory", "depots/dhup")));
        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), Map.of("directory", "depots/dhup")));
        assertFalse(failure.permanent());
        assertEquals("Paramètres du destinataire invalides : Le répertoire de dépôt doit être un chemin absolu : "
            + "« depots/dhup ».", failure.getMessage());
    }

    @Test
    void dropsGoOnlyUnderTheRootOfDrops(@TempDir Path elsewhere) throws Exception {
        Path inside = Files.createDirectories(directory.resolve("dhup"));
        assertEquals(List.of(), channel.check(Map.of("directory", inside.toString())));
        String refusal = "Le répertoire de dépôt doit se trouver sous la racine des dépôts du serveur "
            + "(etc/org.liasse.delivery.depot.cfg).";
        assertEquals(List.of(refusal), channel.check(Map.of("directory", elsewhere.toString())));
        assertEquals(List.of(refusal), channel.check(Map.of("directory", inside + "/../../etc")));
        Path link = Files.createSymbolicLink(directory.resolve("lien"), elsewhere);
        DeliveryException escaped = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), Map.of("directory", link.toString())));
        assertTrue(escaped.permanent());
        assertEquals(refusal, escaped.getMessage());
        assertEquals(List.of(), names(elsewhere), "nothing was dropped outside the root");
    }

    private Map<String, String> settings() {
        return Map.of("directory", directory.toString());
    }

    static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
