package org.liasse.api.identity;

import java.time.Instant;

/**
 * A personal API token, for machine clients ({@code Authorization: Bearer …}).
 *
 * @param id         identifier
 * @param label      what the user called it
 * @param createdAt  creation time
 * @param expiresAt  expiry time
 * @param lastUsedAt last use, or {@code null}
 */
public record ApiToken(long id, String label, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
