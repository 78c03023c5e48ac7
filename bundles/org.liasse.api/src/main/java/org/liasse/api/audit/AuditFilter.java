package org.liasse.api.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which audit entries to read. Every criterion left {@code null} lets all entries through.
 *
 * @param sirens organisations whose entries to read; {@code null} for all (platform-wide entries included)
 * @param actor  exact login of who acted
 * @param action exact action code, e.g. {@code droits.modifies}
 * @param from   first instant included
 * @param to     first instant excluded
 * @param last   last sequence number included, so that the pages of one reading stay the same while entries are added
 */
public record AuditFilter(Set<String> sirens, String actor, String action, Instant from, Instant to, Long last) {

    /** Defensive copy. */
    public AuditFilter {
        sirens = sirens == null ? null : Set.copyOf(sirens.stream().filter(Objects::nonNull).toList());
    }

    /** The filter up to the newest entry. */
    public AuditFilter(Set<String> sirens, String actor, String action, Instant from, Instant to) {
        this(sirens, actor, action, from, to, null);
    }

    /** All entries of these organisations ({@code null}: all entries). */
    public static AuditFilter of(Set<String> sirens) {
        return new AuditFilter(sirens, null, null, null, null);
    }
}
