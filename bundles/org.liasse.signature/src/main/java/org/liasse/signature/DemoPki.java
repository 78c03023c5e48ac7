package org.liasse.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A fictional PKI for demonstrations and tests (EC P-256 keys): a root CA « Liasse — AC de démonstration »
 * (10 years), the platform's seal certificate (2 years), an expired and a revoked seal certificate (same keystore,
 * other aliases), a CRL of the CA listing the revoked one, and a timestamp authority certificate (10 years, critical
 * extended key usage id-kp-timeStamping). Nothing here is trusted outside Liasse.
 */
final class DemoPki {

    /** Password of the demo keystores. */
    static final String PASSWORD = "demo-liasse";
    /** Alias of the valid seal key. */
    static final String SEAL = "cachet";
    /** Alias of the expired seal key. */
    static final String SEAL_EXPIRED = "cachet-expire";
    /** Alias of the revoked seal key. */
    static final String SEAL_REVOKED = "cachet-revoque";
    /** Alias of the timestamp authority's key. */
    static final String TSA = "horodatage";
    /** File names under {@code ${karaf.data}/pki}. */
    static final String SEAL_FILE = "cachet.p12";
    static final String TSA_FILE = "horodatage.p12";
    static final String CA_FILE = "ac-demo.pem";
    static final String CRL_FILE = "ac-demo.crl";

    /** Country and organisation of every demo name, written first as X.500 names are encoded. */
    private static final String ORGANISATION = "C=FR, O=Liasse (FICTIF), ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoPki() {
    }

    /** Whether one of the demo PKI's files is missing at the configured paths. */
    static boolean missing(PkiFiles files) {
        return !Files.isRegularFile(files.keystore) || !Files.isRegularFile(files.tsaKeystore)
            || !Files.isRegularFile(files.anchors.get(0)) || !Files.isRegularFile(files.crls.get(0));
    }

    /**
     * Generates a whole new demo PKI and writes it at the configured paths: the seal keystore (three aliases), the
     * timestamp authority's keystore, the CA certificate (first trust anchor) and its CRL (first CRL file).
     */
    static void create(PkiFiles files) {
        try {
            Instant now = Instant.now();
            Instant inTenYears = now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant();
            KeyPair caKeys = keyPair();
            X500Name caName = new X500Name(ORGANISATION + "CN=Liasse — AC de démonstration");
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), date(now.minus(Duration.ofHours(1))),
                date(inTenYears), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCertificate = certificate(ca, caKeys);

            Instant inTwoYears = now.atOffset(ZoneOffset.UTC).plusYears(2).toInstant();
            KeyPair seal = keyPair();
            X509Certificate sealCertificate = issue(caCertificate, caKeys, "CN=Liasse — cachet de la plateforme (démonstration)",
                seal, now.minus(Duration.ofHours(1)), inTwoYears, false);
            KeyPair expired = keyPair();
            X509Certificate expiredCertificate = issue(caCertificate, caKeys, "CN=Liasse — cachet expiré (démonstration)",
                expired, now.minus(Duration.ofDays(3 * 365)), now.minus(Duration.ofDays(365)), false);
            KeyPair revoked = keyPair();
            X509Certificate revokedCertificate = issue(caCertificate, caKeys, "CN=Liasse — cachet révoqué (démonstration)",
                revoked, now.minus(Duration.ofHours(1)), inTwoYears, false);
            KeyPair tsa = keyPair();
            X509Certificate tsaCertificate = issue(caCertificate, caKeys, "CN=Liasse — horodatage (démonstration)",
                tsa, now.minus(Duration.ofHours(1)), inTenYears, true);

            X509v2CRLBuilder crl = new JcaX509v2CRLBuilder(caCertificate, date(now))
                .setNextUpdate(date(inTenYears))
                .addCRLEntry(revokedCertificate.getSerialNumber(), date(now.minus(Duration.ofMinutes(30))), CRLReason.keyCompromise)
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate))
                .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            X509CRL crlObject = new JcaX509CRLConverter().getCRL(crl.build(signer(caKeys)));

            KeyStore sealStore = emptyStore();
            sealStore.setKeyEntry(SEAL, seal.getPrivate(), files.password, new Certificate[] {sealCertificate, caCertificate});
            sealStore.setKeyEntry(SEAL_EXPIRED, expired.getPrivate(), files.password, new Certificate[] {expiredCertificate, caCertificate});
            sealStore.setKeyEntry(SEAL_REVOKED, revoked.getPrivate(), files.password, new Certificate[] {revokedCertificate, caCertificate});
            KeyStore tsaStore = emptyStore();
            tsaStore.setKeyEntry(files.tsaAlias, tsa.getPrivate(), files.tsaPassword, new Certificate[] {tsaCertificate, caCertificate});

            writeKeyStore(files.keystore, sealStore, files.password);
            writeKeyStore(files.tsaKeystore, tsaStore, files.tsaPassword);
            write(files.anchors.get(0), pem(caCertificate).getBytes(StandardCharsets.US_ASCII));
            write(files.crls.get(0), pem(crlObject).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Création de la PKI de démonstration impossible", e);
        }
    }

    private static X509Certificate issue(X509Certificate ca, KeyPair caKeys, String subject, KeyPair keys, Instant from,
                                         Instant to, boolean timestamping) throws GeneralSecurityException, IOException, OperatorCreationException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), date(from), date(to),
            new X500Name(ORGANISATION + subject), keys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
            .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
        if (timestamping) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        }
        return certificate(builder, caKeys);
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, KeyPair issuer)
        throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuer)));
    }

    private static ContentSigner signer(KeyPair keys) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63);
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static void writeKeyStore(Path file, KeyStore store, char[] password) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password);
        write(file, bytes.toByteArray());
    }

    /** Writes aside (a temporary file is readable by its owner only on POSIX systems), then moves into place. */
    private static void write(Path file, byte[] content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".pki", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(content);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
