package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.error.LiasseException;

class ContentInspectorTest {

    private static final ContentInspector INSPECTOR = new ContentInspector();

    @TempDir
    Path folder;

    private FileKind inspect(byte[] content, String name) throws IOException {
        Path file = Files.write(folder.resolve("upload.part"), content);
        return INSPECTOR.inspect(file, name);
    }

    private LiasseException refused(byte[] content, String name) {
        LiasseException refusal = assertThrows(LiasseException.class, () -> inspect(content, name));
        assertEquals(422, refusal.status());
        assertTrue(refusal.getMessage().contains(name), refusal.getMessage());
        assertEquals("fichier", refusal.errors().get(0).field());
        return refusal;
    }

    @Test
    void eachAcceptedKindIsRecognisedFromItsContent() throws IOException {
        assertEquals(FileKind.PDF, inspect(Samples.pdf(), "bilan.pdf"));
        assertEquals(FileKind.PNG, inspect(Samples.png(), "logo.PNG"));
        assertEquals(FileKind.JPEG, inspect(Samples.jpeg(), "photo.jpg"));
        assertEquals(FileKind.JPEG, inspect(Samples.jpeg(), "photo.jpeg"));
        assertEquals(FileKind.CSV, inspect(Samples.csv(), "effectifs.csv"));
        assertEquals(FileKind.TEXT, inspect(Samples.csv(), "effectifs.txt"));
        assertEquals(FileKind.XLSX, inspect(Samples.xlsx(), "effectifs.xlsx"));
        assertEquals(FileKind.DOCX, inspect(Samples.docx(), "note.docx"));
        assertEquals(FileKind.ODS, inspect(Samples.ods(), "effectifs.ods"));
        assertEquals(FileKind.ODT, inspect(Samples.odt(), "note.odt"));
    }

    @Test
    void anExtensionThatLiesAboutTheContentIsRefused() {
        assertTrue(refused(Samples.pdf(), "effectifs.xlsx").getMessage().contains("Document PDF"));
        assertEquals("extension-trompeuse", refused(Samples.docx(), "effectifs.xlsx").code(), "a Word document is not a workbook");
        assertEquals("extension-trompeuse", refused(Samples.csv(), "rapport.pdf").code());
        assertEquals("extension-trompeuse", refused(Samples.executable(), "rapport.pdf").code());
        assertEquals("extension-trompeuse", refused(Samples.html(), "effectifs.csv").code(), "HTML is not plain text");
        assertEquals("extension-trompeuse", refused(Samples.ods(), "effectifs.odt").code());
        assertEquals("extension-trompeuse", refused(Samples.plainZip(), "effectifs.xlsx").code(), "any zip is not a workbook");
    }

    @Test
    void forbiddenTypesAreRefusedWhateverTheirContent() {
        LiasseException exe = refused(Samples.executable(), "outil.exe");
        assertEquals("type-interdit", exe.code());
        assertTrue(exe.getMessage().contains(".pdf") && exe.getMessage().contains(".xlsx"), "lists the accepted types");
        assertEquals("type-interdit", refused(Samples.plainZip(), "archive.zip").code());
        assertEquals("type-interdit", refused(Samples.csv(), "sans-extension").code());
        assertEquals("type-interdit", refused(Samples.html(), "page.html").code());
    }

    @Test
    void containersWithMacrosAreNotDocuments() {
        assertEquals("extension-trompeuse", refused(Samples.xlsxWithMacros(), "macros.xlsx").code());
    }

    @Test
    void aDamagedContainerIsRefusedAsUnreadable() {
        assertEquals("fichier-illisible", refused(Samples.truncated(Samples.xlsx()), "tronque.xlsx").code());
    }

    @Test
    void aZipBombIsRefusedWithoutBeingInflated() {
        byte[] bomb = Samples.xlsxBomb();
        assertTrue(bomb.length < 200 * 1024, "the sample is small once compressed: " + bomb.length);
        assertEquals("archive-suspecte", refused(bomb, "bombe.xlsx").code());
    }
}
