package org.liasse.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Signing and checking messages between servers, certificates in PEM, and the digest of transferred data. */
class PeerProtocolTest {

    private static final byte[] BODY = "{\"siren\":\"000000018\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignedRequestVerifiesWithTheCertificateReadBackFromPemAndNothingElse() {
        KeyPair keys = Certificates.newKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = Certificates.certificate(Certificates.pem(
            Certificates.selfSigned(keys, "oph", "oph", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)))));
        String text = PeerProtocol.requestText("POST", "/api/v1/peer/transfers", now.toString(), "r1", BODY);
        String signature = PeerProtocol.sign(Certificates.privateKey(Certificates.pem(keys.getPrivate())), text);

        assertTrue(PeerProtocol.verify(certificate.getPublicKey(), text, signature));
        assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=oph"));
        assertFalse(PeerProtocol.verify(certificate.getPublicKey(), PeerProtocol.requestText("POST",
            "/api/v1/peer/transfers", now.toString(), "r1", "{\"siren\":\"000000026\"}".getBytes(StandardCharsets.UTF_8)),
            signature), "another body");
        assertFalse(PeerProtocol.verify(certificate.getPublicKey(), PeerProtocol.requestText("POST",
            "/api/v1/peer/transfers", now.toString(), "r2", BODY), signature), "another request id");
        assertFalse(PeerProtocol.verify(Certificates.newKeyPair().getPublic(), text, signature), "another key");
        assertFalse(PeerProtocol.verify(certificate.getPublicKey(), text, "pas du base64 !"));
        assertFalse(PeerProtocol.verify(certificate.getPublicKey(), text, null));
    }

    @Test
    void anAnswerSignatureIsBoundToItsRequest() {
        KeyPair keys = Certificates.newKeyPair();
        String signature = PeerProtocol.sign(keys.getPrivate(), PeerProtocol.answerText("r1", "t", BODY));

        assertTrue(PeerProtocol.verify(keys.getPublic(), PeerProtocol.answerText("r1", "t", BODY), signature));
        assertFalse(PeerProtocol.verify(keys.getPublic(), PeerProtocol.answerText("r2", "t", BODY), signature));
        assertFalse(PeerProtocol.verify(keys.getPublic(), PeerProtocol.requestText("POST", "r1", "t", "", BODY),
            signature), "a request signature is not an answer signature");
    }

    @Test
    void pemTextWithoutCertificateOrKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Certificates.certificate("rien"));
        assertThrows(IllegalArgumentException.class, () -> Certificates.privateKey(Certificates.pem(
            Certificates.selfSigned(Certificates.newKeyPair(), "a", "b", Instant.now(), Instant.now().plusSeconds(9)))));
    }

    @Test
    void theDigestDependsOnTheDataOnlyNotOnOrderAndTellsEmptyFromZero() {
        Map<String, String> values = new HashMap<>();
        values.put("CR.LOYERS.MONTANT", "1200.50");
        values.put("CR.CHARGES.MONTANT", null);
        String digest = Transfer.digest("000000018", 2025, "ER", values);

        assertEquals(digest, Transfer.digest("000000018", 2025, "ER", new TreeMap<>(values)));
        assertEquals(64, digest.length());
        values.put("CR.CHARGES.MONTANT", "");
        assertNotEquals(digest, Transfer.digest("000000018", 2025, "ER", values));
        assertNotEquals(digest, Transfer.digest("000000026", 2025, "ER", new TreeMap<>(Map.of("CR.LOYERS.MONTANT",
            "1200.50"))));
    }

    @Test
    void numbersAreComparedByValue() {
        assertTrue(PeerSyncService.same("1200.50", "1200.5"));
        assertTrue(PeerSyncService.same(null, null));
        assertFalse(PeerSyncService.same("1200", null));
        assertFalse(PeerSyncService.same("OPH", "ESH"));
    }
}
