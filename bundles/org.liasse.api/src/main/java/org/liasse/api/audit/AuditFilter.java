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
 */
public record AuditFilter(Set<String> sirens, String actor, String action, Instant from, Instant to) {

    /** Defensive copy. */
    public AuditFilter {
        sirens = sirens == null ? null : Set.copyOf(sirens.stream().filter(Objects::nonNull).toList());
    }

    /** All entries of these organisations ({@code null}: all entries). */
    public static AuditFilter of(Set<String> sirens) {
        return new AuditFilter(sirens, null, null, null, null);
    }
}
