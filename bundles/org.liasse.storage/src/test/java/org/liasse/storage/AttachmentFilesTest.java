package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.error.LiasseException;

class AttachmentFilesTest {

    @TempDir
    Path root;

    private long filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anAcceptedUploadIsHashedThenMovedUnderARandomKey() throws Exception {
        AttachmentFiles files = new AttachmentFiles(root);
        String key = AttachmentFiles.newKey();
        assertTrue(key.matches("[0-9a-f]{32}"), key);
        try (AttachmentFiles.Upload upload = files.receive(new ByteArrayInputStream("abc".getBytes()), 10, "a.txt")) {
            assertEquals(3, upload.size());
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", upload.sha256());
            files.place(upload, key);
        }
        assertTrue(Files.exists(root.resolve(key.substring(0, 2)).resolve(key)));
        try (InputStream in = files.open(key)) {
            assertEquals("abc", new String(in.readAllBytes()));
        }
        assertEquals(1, filesUnder(root), "nothing else is left");
    }

    @Test
    void aTooLargeUploadLeavesNothingBehind() throws Exception {
        AttachmentFiles files = new AttachmentFiles(root);
        LiasseException refusal = assertThrows(LiasseException.class,
            () -> files.receive(new ByteArrayInputStream(new byte[200_000]), 100_000, "gros.pdf"));
        assertEquals(413, refusal.status());
        assertEquals("piece-trop-volumineuse", refusal.code());
        assertTrue(refusal.getMessage().contains("97,7 Ko"), refusal.getMessage());
        assertEquals(0, filesUnder(root));
    }

    @Test
    void anInterruptedUploadLeavesNothingBehind() throws Exception {
        AttachmentFiles files = new AttachmentFiles(root);
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 1000) {
                    throw new IOException("connexion coupée");
                }
                return 'x';
            }
        };
        assertEquals("envoi-interrompu", assertThrows(LiasseException.class, () -> files.receive(broken, 10_000, "a.csv")).code());
        assertEquals(0, filesUnder(root));
    }

    @Test
    void aRefusedUploadIsRemovedWhenClosed() throws Exception {
        AttachmentFiles files = new AttachmentFiles(root);
        AttachmentFiles.Upload upload = files.receive(new ByteArrayInputStream(new byte[10]), 100, "a.pdf");
        assertTrue(Files.exists(upload.path()));
        upload.close();
        assertEquals(0, filesUnder(root));
    }

    @Test
    void theSweepRemovesLeftoversAndFilesWithoutARow() throws Exception {
        AttachmentFiles files = new AttachmentFiles(root);
        String live = AttachmentFiles.newKey();
        String orphan = AttachmentFiles.newKey();
        for (String key : new String[] {live, orphan}) {
            try (AttachmentFiles.Upload upload = files.receive(new ByteArrayInputStream(new byte[] {1}), 10, "a.pdf")) {
                files.place(upload, key);
            }
        }
        files.receive(new ByteArrayInputStream(new byte[] {1}), 10, "interrompu.pdf");
        assertEquals(3, filesUnder(root));
        assertEquals(2, files.sweep(Set.of(live)));
        assertTrue(files.exists(live));
        assertFalse(files.exists(orphan));
        assertEquals(1, filesUnder(root));
    }

    @Test
    void keysThatAreNotRandomHexAreNeverUsedAsPaths() {
        AttachmentFiles files = new AttachmentFiles(root);
        assertThrows(IllegalArgumentException.class, () -> files.open("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> files.exists("A".repeat(32)));
    }
}
