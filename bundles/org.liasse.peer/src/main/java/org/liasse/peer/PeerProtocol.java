package org.liasse.peer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.liasse.api.peer.PeerMessage;

/**
 * The signed exchange between servers (version 1). A request carries the requesting server's name, the time, a
 * request id and an ECDSA P-256 / SHA-256 signature over its method, path with query, time, request id and the
 * SHA-256 of its body; the answer carries the answering server's name, the time and a signature over the request id,
 * the time and the SHA-256 of its body, so that an answer cannot be altered nor replayed for another request.
 */
public final class PeerProtocol {

    /** Header naming the server that signed the message. */
    public static final String SERVER = PeerMessage.SERVER;
    /** Header carrying the signing time (ISO-8601 instant). */
    public static final String DATE = PeerMessage.DATE;
    /** Header carrying the request id, echoed by the answer. */
    public static final String REQUEST = PeerMessage.REQUEST;
    /** Header carrying the base64 signature. */
    public static final String SIGNATURE = PeerMessage.SIGNATURE;

    private static final String ALGORITHM = "SHA256withECDSA";

    private PeerProtocol() {
    }

    /** The text a request's signature covers. */
    public static String requestText(String method, String pathAndQuery, String date, String requestId, byte[] body) {
        return String.join("\n", "liasse-serveur/1 requete", method, pathAndQuery, date, requestId, sha256(body));
    }

    /** The text an answer's signature covers. */
    public static String answerText(String requestId, String date, byte[] body) {
        return String.join("\n", "liasse-serveur/1 reponse", requestId, date, sha256(body));
    }

    /** The protocol headers of a message signed by a server. */
    public static Map<String, String> headers(String server, String date, String requestId, String signature) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put(SERVER, server);
        headers.put(DATE, date);
        headers.put(REQUEST, requestId);
        headers.put(SIGNATURE, signature);
        return headers;
    }

    /** Signs a text with a private key; returns the base64 signature. */
    public static String sign(PrivateKey key, String text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signature impossible", e);
        }
    }

    /** Whether a base64 signature of a text is valid for a public key; false for anything malformed. */
    public static boolean verify(PublicKey key, String text, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 in lower-case hexadecimal. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of UTF-8 text in lower-case hexadecimal. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
