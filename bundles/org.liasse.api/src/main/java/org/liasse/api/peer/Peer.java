package org.liasse.api.peer;

import java.time.Instant;

/**
 * Another partner's server registered by configuration.
 *
 * @param name        its server name
 * @param partner     its partner code
 * @param url         base address of its platform, e.g. {@code https://liasse.oph.example}
 * @param federation  the federation whose organisations it may be answered for; {@code null} for every organisation
 * @param fingerprint SHA-256 of its certificate, hexadecimal
 * @param notAfter    end of its certificate's validity
 */
public record Peer(String name, String partner, String url, String federation, String fingerprint, Instant notAfter) {
}
