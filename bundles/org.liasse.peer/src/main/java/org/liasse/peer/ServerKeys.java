package org.liasse.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.liasse.api.peer.ServerIdentity;

/**
 * This server's key and self-signed certificate, read from their PEM files or generated there (key file readable by
 * its owner only) when the certificate file is missing.
 */
final class ServerKeys {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final ServerIdentity identity;

    private ServerKeys(PrivateKey key, X509Certificate certificate, String name, String partner) {
        this.key = key;
        this.certificate = certificate;
        this.identity = new ServerIdentity(name, partner, Certificates.pem(certificate),
            Certificates.fingerprint(certificate), certificate.getNotBefore().toInstant(),
            certificate.getNotAfter().toInstant());
    }

    /** Reads the key and certificate, or creates them valid for a number of days from now. */
    static ServerKeys load(String name, String partner, Path keyFile, Path certificateFile, int validityDays) {
        try {
            if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
                KeyPair keys = Certificates.newKeyPair();
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                X509Certificate created = Certificates.selfSigned(keys, name, partner, now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(validityDays)));
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.createDirectories(certificateFile.toAbsolutePath().getParent());
                Files.writeString(keyFile, Certificates.pem(keys.getPrivate()));
                restrict(keyFile);
                Files.writeString(certificateFile, Certificates.pem(created));
            }
            return new ServerKeys(Certificates.privateKey(Files.readString(keyFile)),
                Certificates.certificate(Files.readString(certificateFile)), name, partner);
        } catch (IOException e) {
            throw new UncheckedIOException("identité du serveur illisible", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's permissions apply.
        }
    }

    PrivateKey key() {
        return key;
    }

    X509Certificate certificate() {
        return certificate;
    }

    ServerIdentity identity() {
        return identity;
    }
}
