package org.liasse.api.peer;

import java.time.Instant;

/**
 * Who this server is to the other partners' servers: its name, its partner and the self-signed certificate of the
 * key that signs its requests and answers.
 *
 * @param name        server name, as the peers register it
 * @param partner     partner code ({@code ministry}, {@code oph}, {@code esh}, {@code coop}, {@code epl})
 * @param certificate the certificate in PEM, to hand over to the peers' operators
 * @param fingerprint SHA-256 of the certificate (DER), hexadecimal
 * @param notBefore   start of the certificate's validity
 * @param notAfter    end of the certificate's validity
 */
public record ServerIdentity(String name, String partner, String certificate, String fingerprint, Instant notBefore,
                             Instant notAfter) {
}
