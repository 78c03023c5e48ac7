package org.liasse.peer;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Key pairs and self-signed certificates of servers, in PEM. */
public final class Certificates {

    private Certificates() {
    }

    /** A new EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate naming a server, valid between two instants. */
    public static X509Certificate selfSigned(KeyPair keys, String server, String partner, Instant notBefore,
                                             Instant notAfter) {
        X500Name subject = new X500Name("CN=" + server.replaceAll("[,=+<>#;\"\\\\]", "_") + ",OU="
            + partner.replaceAll("[,=+<>#;\"\\\\]", "_") + ",O=Liasse");
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(notBefore), Date.from(notAfter), subject,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("certificat impossible à créer", e);
        }
    }

    /** A certificate, or a private key (PKCS#8), in PEM. */
    public static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof PrivateKey key) {
                writer.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The first certificate of a PEM text.
     *
     * @throws IllegalArgumentException when the text holds no certificate
     */
    public static X509Certificate certificate(String pem) {
        Object read = read(pem);
        if (!(read instanceof X509CertificateHolder holder)) {
            throw new IllegalArgumentException("aucun certificat PEM");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificat illisible", e);
        }
    }

    /**
     * The private key of a PEM text (PKCS#8).
     *
     * @throws IllegalArgumentException when the text holds no private key
     */
    public static PrivateKey privateKey(String pem) {
        Object read = read(pem);
        if (!(read instanceof PrivateKeyInfo info)) {
            throw new IllegalArgumentException("aucune clé privée PEM");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new IllegalArgumentException("clé privée illisible", e);
        }
    }

    /** SHA-256 of a certificate's DER encoding, hexadecimal. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return PeerProtocol.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("PEM illisible", e);
        }
    }
}
