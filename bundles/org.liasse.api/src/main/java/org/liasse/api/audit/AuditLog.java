package org.liasse.api.audit;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The append-only, hash-chained audit log. Nothing ever updates or deletes an entry. */
@ProviderType
public interface AuditLog {

    /** Appends an event; returns the recorded entry. */
    AuditEntry record(AuditEvent event);

    /**
     * Entries, newest first.
     *
     * @param sirens organisations whose entries to return; {@code null} for all (platform-wide entries included)
     * @param limit  maximum number of entries
     */
    default List<AuditEntry> list(Set<String> sirens, int limit) {
        return list(AuditFilter.of(sirens), 0, limit);
    }

    /**
     * Entries that pass the filter, newest first, one page at a time.
     *
     * @param offset number of matching entries to skip
     * @param limit  maximum number of entries
     */
    List<AuditEntry> list(AuditFilter filter, int offset, int limit);

    /** Walks the whole chain and reports any altered, removed or inserted entry. */
    AuditVerification verify();
}
