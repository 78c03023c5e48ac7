package org.liasse.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contents of attachments on disk, outside the web root: {@code <root>/<2 hex>/<32 hex>}, the name being a
 * random key that says nothing of the file. An upload is first written to {@code <root>/incoming/}, then moved
 * into place in one atomic rename once it is accepted and recorded; what is left in {@code incoming/} or has no
 * row is removed by {@link #sweep}.
 */
final class AttachmentFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentFiles.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Path incoming;

    /** Creates the folders when missing. */
    AttachmentFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new random storage key. */
    static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An upload written to {@code incoming/}; closing it removes the file unless it was moved into place. */
    record Upload(Path path, long size, String sha256) implements AutoCloseable {

        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("Fichier temporaire non supprimé : {}", path, e);
            }
        }
    }

    /**
     * Writes a stream to {@code incoming/}, counting and hashing it.
     *
     * @throws LiasseException 413 {@code piece-trop-volumineuse} as soon as it exceeds the limit (nothing is kept)
     */
    Upload receive(InputStream content, long maxBytes, String name) {
        Path file = incoming.resolve(newKey() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                    size += read;
                    if (size > maxBytes) {
                        throw tooLarge(name, maxBytes);
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new Upload(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new LiasseException(400, "envoi-interrompu", "L'envoi du fichier « " + name
                    + " » a été interrompu avant la fin : rien n'a été enregistré. Réessayez.");
            }
            throw (RuntimeException) e;
        }
    }

    /** Refusal of a file larger than the limit. */
    static LiasseException tooLarge(String name, long maxBytes) {
        String detail = "Le fichier « " + name + " » dépasse la taille maximale de " + Sizes.french(maxBytes)
            + " : rien n'a été enregistré.";
        return new LiasseException(413, "piece-trop-volumineuse", detail,
            List.of(new FieldError("fichier", "piece-trop-volumineuse", detail)));
    }

    /** Moves an accepted upload into place under its key, in one atomic rename. */
    void place(Upload upload, String key) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Files.move(upload.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content stored under a key. */
    InputStream open(String key) throws NoSuchFileException {
        try {
            return Files.newInputStream(path(key));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether content is stored under a key. */
    boolean exists(String key) {
        return Files.exists(path(key));
    }

    /** Erases the content stored under a key; logs instead of failing, {@link #sweep} retries at the next start. */
    void erase(String key) {
        deleteQuietly(path(key));
    }

    /**
     * Removes what a crash or a failed erasure left: every file of {@code incoming/}, and every stored file whose key
     * is not among the live ones.
     *
     * @return the number of files removed
     */
    int sweep(Set<String> liveKeys) {
        int removed = 0;
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(root)) {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (shard.equals(incoming) || KEY.matcher(name).matches() && !liveKeys.contains(name)) {
                            removed += deleteQuietly(file) ? 1 : 0;
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Nettoyage des pièces jointes impossible dans {}", root, e);
        }
        return removed;
    }

    Path root() {
        return root;
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("clé de stockage invalide");
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Fichier non supprimé : {}", file, e);
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
