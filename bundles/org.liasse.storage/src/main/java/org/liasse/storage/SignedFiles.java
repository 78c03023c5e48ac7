package org.liasse.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.liasse.api.error.LiasseException;

/**
 * Signed statements on disk, addressed by their SHA-256: {@code <root>/<2 hex>/<64 hex>}. A file is written before
 * the transaction that records it, through a temporary name and an atomic rename; writing the same content twice
 * is harmless, and a file whose transaction failed is only unused content.
 */
final class SignedFiles {

    private final Path root;

    /** Files under this folder, created when missing. */
    SignedFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores content and returns its key (hex SHA-256). */
    String store(byte[] content) {
        String key = sha256(content);
        Path target = path(key);
        if (Files.exists(target)) {
            return key;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), key, ".part");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of a key, checked against it: a file altered on disk is refused, never delivered. */
    byte[] read(String key) {
        try {
            byte[] content = Files.readAllBytes(path(key));
            if (!sha256(content).equals(key)) {
                throw new LiasseException(500, "document-altere", "Le document signé " + key
                    + " a été altéré sur le disque du serveur : il n'est pas livré. Prévenez l'exploitant.");
            }
            return content;
        } catch (IOException e) {
            throw new LiasseException(500, "document-absent", "Le document signé " + key
                + " est introuvable sur le disque du serveur. Prévenez l'exploitant.");
        }
    }

    private Path path(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    /** Hex SHA-256. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
