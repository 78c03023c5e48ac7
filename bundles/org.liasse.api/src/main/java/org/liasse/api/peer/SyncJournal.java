package org.liasse.api.peer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.dossier.Dossier;
import org.osgi.annotation.versioning.ProviderType;

/** Storage of the exchanges between servers: the sync log, the organisations' consents and the values last synced. */
@ProviderType
public interface SyncJournal {

    /** Records an entry; an entry with the same direction, peer and transfer id is updated instead. */
    SyncEntry record(SyncEntry entry);

    /**
     * Records an entry as {@link #record(SyncEntry)} does and, in the same transaction, the audit entry that goes
     * with it: both are written or neither is.
     */
    SyncEntry record(SyncEntry entry, AuditEvent event);

    /** The entry of a transfer. */
    Optional<SyncEntry> find(String direction, String peer, String transferId);

    /**
     * Entries, newest first.
     *
     * @param siren organisation, or {@code null} for all
     * @param peer  peer server, or {@code null} for all
     * @param limit maximum number of entries
     */
    List<SyncEntry> list(String siren, String peer, int limit);

    /** The highest source revision applied to a dossier from a peer, {@code 0} when none. */
    long lastSourceRevision(long dossierId, String peer);

    /** Receiving cell to the value the last transfer from a peer brought (a {@code null} value: brought empty). */
    Map<String, String> synced(long dossierId, String peer);

    /**
     * In one transaction: saves the changes through the dossier's save rules (when there are any), records the
     * values brought from the peer as the last synced ones, and records the log entry.
     *
     * @return the dossier afterwards
     */
    Dossier apply(long dossierId, long expectedRevision, Map<String, String> changes, Map<String, String> synced,
                  String actor, SyncEntry entry);

    /** An organisation's consents, sorted by peer. */
    List<Consent> consents(String siren);

    /** Whether an organisation consents to a peer bringing its dossiers in. */
    boolean consents(String siren, String peer);

    /**
     * The revision of an organisation's consents (their ETag): 1 at first, one more with each grant or withdrawal;
     * 0 for an unknown organisation.
     */
    long consentRevision(String siren);

    /**
     * Records a consent (unchanged when it exists), from the consents' revision {@code expectedRevision} (412
     * {@code revision-perimee} when they changed since).
     */
    Consent grant(String siren, String peer, long expectedRevision, String actor);

    /** Withdraws a consent, from the consents' revision {@code expectedRevision}; {@code false} when there was none. */
    boolean withdraw(String siren, String peer, long expectedRevision);
}
