package org.liasse.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, as read from a PKCS#12 keystore.
 *
 * @param key   the private key
 * @param chain its certificate first, then the issuers the keystore holds
 */
record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {

    /** Defensive copy. */
    KeyMaterial {
        chain = List.copyOf(chain);
    }

    /** The key's certificate. */
    X509Certificate certificate() {
        return chain.get(0);
    }

    /** JCA signature algorithm for this key: SHA-256 with RSA or ECDSA. */
    String signatureAlgorithm() {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
