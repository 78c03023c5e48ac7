package org.liasse.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The key, trust and revocation files the configuration points to (empty settings: the demo PKI's files under
 * {@code ${karaf.data}/pki}), and how to read them. Files are read at each use, so that a replaced keystore or a
 * new CRL is taken into account without a restart.
 */
final class PkiFiles {

    final Path keystore;
    final char[] password;
    final String alias;
    final List<Path> anchors;
    final List<Path> crls;
    final Path tsaKeystore;
    final char[] tsaPassword;
    final String tsaAlias;

    PkiFiles(SignatureConfig config) {
        Path folder = Path.of(System.getProperty("karaf.data", "data"), "pki");
        keystore = path(config.keystore_path(), folder.resolve(DemoPki.SEAL_FILE));
        password = config._keystore_password().toCharArray();
        alias = config.keystore_alias();
        anchors = paths(config.trust_anchors(), folder.resolve(DemoPki.CA_FILE));
        crls = paths(config.crl_files(), folder.resolve(DemoPki.CRL_FILE));
        tsaKeystore = path(config.tsa_keystore_path(), folder.resolve(DemoPki.TSA_FILE));
        tsaPassword = config._tsa_keystore_password().toCharArray();
        tsaAlias = config.tsa_keystore_alias();
    }

    /** The seal key, empty when the keystore or the alias does not exist. */
    Optional<KeyMaterial> seal() {
        return Files.isRegularFile(keystore) ? read(keystore, password, alias) : Optional.empty();
    }

    /** The local timestamp authority's key, empty when its keystore or alias does not exist. */
    Optional<KeyMaterial> tsa() {
        return Files.isRegularFile(tsaKeystore) ? read(tsaKeystore, tsaPassword, tsaAlias) : Optional.empty();
    }

    /** The trusted certification authorities. */
    List<X509Certificate> trustAnchors() {
        List<X509Certificate> result = new ArrayList<>();
        for (Path file : anchors) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate certificate : factory().generateCertificates(in)) {
                    result.add((X509Certificate) certificate);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Autorité de confiance illisible : " + file, e);
            }
        }
        return result;
    }

    /** The configured certificate revocation lists. */
    List<X509CRL> revocationLists() {
        List<X509CRL> result = new ArrayList<>();
        for (Path file : crls) {
            try (InputStream in = Files.newInputStream(file)) {
                for (CRL crl : factory().generateCRLs(in)) {
                    result.add((X509CRL) crl);
                }
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Liste de révocation illisible : " + file, e);
            }
        }
        return result;
    }

    /** The X.509 certificate factory of the JDK. */
    static CertificateFactory factory() throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509");
    }

    private static Optional<KeyMaterial> read(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!store.isKeyEntry(alias)) {
                return Optional.empty();
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            return Optional.of(new KeyMaterial((PrivateKey) store.getKey(alias, password), chain));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Magasin de clés illisible : " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static Path path(String setting, Path fallback) {
        return setting.isBlank() ? fallback : Path.of(setting.trim());
    }

    private static List<Path> paths(String setting, Path fallback) {
        return setting.isBlank() ? List.of(fallback)
            : Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }
}
