package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.liasse.api.error.LiasseException;

class FileNamesTest {

    @Test
    void ordinaryFrenchNamesAreKept() {
        assertEquals("Effectifs au 31-12 (siège).xlsx", FileNames.sanitise("Effectifs au 31-12 (siège).xlsx"));
        assertEquals("État réglementaire.pdf", FileNames.sanitise("E\u0301tat re\u0301glementaire.pdf"), "NFC");
    }

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("bilan.pdf", FileNames.sanitise("C:\\Users\\camille\\Documents\\bilan.pdf"));
        assertEquals("bilan.pdf", FileNames.sanitise("/tmp/./bilan.pdf"));
    }

    @Test
    void controlFormattingAndWindowsForbiddenCharactersGo() {
        assertEquals("rapportfdp.exe", FileNames.sanitise("rapport\u202Efdp.exe"), "no right-to-left override");
        assertEquals("ab.pdf", FileNames.sanitise("a\u0000b\r\n.pdf"));
        assertEquals("a_b_c_.pdf", FileNames.sanitise("a<b>c?.pdf"));
        assertEquals("a b.pdf", FileNames.sanitise("a \t  b.pdf"));
        assertEquals("bilan.pdf", FileNames.sanitise("  ..bilan.pdf.. "));
        assertEquals("_CON.txt", FileNames.sanitise("CON.txt"));
        assertEquals("pdf", FileNames.sanitise(".pdf"), "no hidden file; without extension, its type is then refused");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = FileNames.sanitise("é".repeat(300) + ".xlsx");
        assertEquals(FileNames.MAX_LENGTH, name.length());
        assertTrue(name.endsWith("é.xlsx"), name);
    }

    @Test
    void emptyNamesAreRefused() {
        for (String raw : new String[] {null, "", "   ", "...", "dossier/", "\u202E"}) {
            LiasseException refusal = assertThrows(LiasseException.class, () -> FileNames.sanitise(raw), String.valueOf(raw));
            assertEquals("nom-invalide", refusal.code());
            assertEquals(422, refusal.status());
        }
    }

    @Test
    void theExtensionIsReadInLowerCase() {
        assertEquals("xlsx", FileNames.extension("Effectifs.XLSX"));
        assertEquals("", FileNames.extension("LISEZMOI"));
        assertEquals("gz", FileNames.extension("a.tar.gz"));
    }

    @Test
    void sizesAreWrittenTheFrenchWay() {
        assertEquals("20 Mo", Sizes.french(20L * 1024 * 1024));
        assertEquals("1,5 Ko", Sizes.french(1536));
        assertEquals("12 octets", Sizes.french(12));
    }
}
