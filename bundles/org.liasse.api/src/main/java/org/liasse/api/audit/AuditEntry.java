package org.liasse.api.audit;

import java.time.Instant;

/**
 * A recorded audit event with its place in the hash chain.
 *
 * @param sequence position in the log, starting at 1, without gaps
 * @param at       when it was recorded
 * @param event    what was recorded
 * @param hash     SHA-256 (hex) over the previous entry's hash and this entry's fields
 */
public record AuditEntry(long sequence, Instant at, AuditEvent event, String hash) {
}
