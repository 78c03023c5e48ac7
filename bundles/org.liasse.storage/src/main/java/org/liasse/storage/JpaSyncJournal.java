package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.peer.Consent;
import org.liasse.api.peer.SyncEntry;
import org.liasse.api.peer.SyncJournal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The sync log, consents and last synced values in the shared database, through native SQL. Text that is unknown
 * is stored empty and read back as {@code null}. Applying a transfer writes the dossier, the synced values and the
 * log entry in one transaction.
 */
@Component(service = SyncJournal.class)
public class JpaSyncJournal implements SyncJournal {

    private static final String COLUMNS = "id, logged_at, direction, peer, siren, campaign_year, questionnaire_code, "
        + "transfer_id, actor, source_revision, digest, result, detail, cells";
    private static final int DETAIL = 1000;
    private static final int ROWS_PER_INSERT = 100;

    private final JpaStore store;
    private final JpaDossierService dossiers;

    /** Uses the shared persistence unit and the dossiers' save rules. */
    @Activate
    public JpaSyncJournal(@Reference JpaStore store, @Reference JpaDossierService dossiers) {
        this.store = store;
        this.dossiers = dossiers;
    }

    @Override
    public SyncEntry record(SyncEntry entry) {
        return store.inTransaction(em -> record(em, entry));
    }

    @Override
    public SyncEntry record(SyncEntry entry, AuditEvent event) {
        return store.inTransaction(em -> {
            SyncEntry recorded = record(em, entry);
            JdbcAuditLog.append(em, event);
            return recorded;
        });
    }

    private static SyncEntry record(EntityManager em, SyncEntry entry) {
        Timestamp now = Timestamp.from(Instant.now());
        Optional<SyncEntry> existing = entry.transferId() == null ? Optional.empty()
            : find(em, entry.direction(), entry.peer(), entry.transferId());
        if (existing.isPresent()) {
            em.createNativeQuery("UPDATE sync_log SET logged_at = ?, source_revision = ?, digest = ?, result = ?, "
                    + "detail = ?, cells = ? WHERE id = ?")
                .setParameter(1, now).setParameter(2, entry.sourceRevision()).setParameter(3, text(entry.digest()))
                .setParameter(4, entry.result()).setParameter(5, RunWriter.cut(entry.detail(), DETAIL))
                .setParameter(6, entry.cells())
                .setParameter(7, existing.get().id()).executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO sync_log (logged_at, direction, peer, siren, campaign_year, "
                    + "questionnaire_code, transfer_id, actor, source_revision, digest, result, detail, cells) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, now).setParameter(2, entry.direction()).setParameter(3, entry.peer())
                .setParameter(4, text(entry.siren())).setParameter(5, entry.year())
                .setParameter(6, text(entry.questionnaire())).setParameter(7, text(entry.transferId()))
                .setParameter(8, text(entry.actor())).setParameter(9, entry.sourceRevision())
                .setParameter(10, text(entry.digest())).setParameter(11, entry.result())
                .setParameter(12, RunWriter.cut(entry.detail(), DETAIL)).setParameter(13, entry.cells()).executeUpdate();
        }
        return entries(em, "SELECT " + COLUMNS + " FROM sync_log WHERE direction = ? AND peer = ? AND transfer_id = ? "
            + "ORDER BY id DESC", 1, entry.direction(), entry.peer(), text(entry.transferId())).get(0);
    }

    @Override
    public Optional<SyncEntry> find(String direction, String peer, String transferId) {
        return store.inTransaction(em -> find(em, direction, peer, transferId));
    }

    private static Optional<SyncEntry> find(EntityManager em, String direction, String peer, String transferId) {
        return entries(em, "SELECT " + COLUMNS + " FROM sync_log WHERE direction = ? AND peer = ? AND transfer_id = ?",
            1, direction, peer, transferId).stream().findFirst();
    }

    @Override
    public List<SyncEntry> list(String siren, String peer, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (siren != null) {
            conditions.add("siren = ?");
            parameters.add(siren);
        }
        if (peer != null) {
            conditions.add("peer = ?");
            parameters.add(peer);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return store.inTransaction(em -> entries(em, "SELECT " + COLUMNS + " FROM sync_log" + where
            + " ORDER BY id DESC", limit, parameters.toArray()));
    }

    @Override
    public long lastSourceRevision(long dossierId, String peer) {
        return store.inTransaction(em -> {
            Object max = em.createNativeQuery("SELECT MAX(l.source_revision) FROM sync_log l JOIN dossier d "
                    + "ON d.siren = l.siren AND d.campaign_year = l.campaign_year "
                    + "AND d.questionnaire_code = l.questionnaire_code WHERE d.id = ? AND l.peer = ? "
                    + "AND l.direction = ? AND l.result IN (?, ?)")
                .setParameter(1, dossierId).setParameter(2, peer).setParameter(3, SyncEntry.PULL)
                .setParameter(4, SyncEntry.APPLIED).setParameter(5, SyncEntry.UNCHANGED).getSingleResult();
            return max == null ? 0L : ((Number) max).longValue();
        });
    }

    @Override
    public Map<String, String> synced(long dossierId, String peer) {
        return store.inTransaction(em -> {
            Map<String, String> values = new HashMap<>();
            for (Object row : em.createNativeQuery("SELECT cell_code, cell_value, present FROM sync_cell "
                    + "WHERE dossier_id = ? AND peer = ?").setParameter(1, dossierId).setParameter(2, peer)
                .getResultList()) {
                Object[] columns = (Object[]) row;
                values.put((String) columns[0], Boolean.TRUE.equals(columns[2]) ? (String) columns[1] : null);
            }
            return values;
        });
    }

    @Override
    public Dossier apply(long dossierId, long expectedRevision, Map<String, String> changes, Map<String, String> synced,
                         String actor, SyncEntry entry) {
        return store.inTransaction(em -> {
            Dossier dossier = changes.isEmpty() ? dossiers.requireOpen(em, dossierId)
                : dossiers.save(em, dossierId, expectedRevision, changes, actor);
            writeSynced(em, dossierId, entry.peer(), synced);
            record(em, entry);
            return dossier;
        });
    }

    /**
     * Replaces the values last synced from a peer (the transfer carries every cell of the mapping): one delete, then
     * multi-row inserts of up to {@value #ROWS_PER_INSERT} rows.
     */
    private static void writeSynced(EntityManager em, long dossierId, String peer, Map<String, String> synced) {
        em.createNativeQuery("DELETE FROM sync_cell WHERE dossier_id = ? AND peer = ?")
            .setParameter(1, dossierId).setParameter(2, peer).executeUpdate();
        List<Map.Entry<String, String>> cells = List.copyOf(synced.entrySet());
        for (int from = 0; from < cells.size(); from += ROWS_PER_INSERT) {
            List<Map.Entry<String, String>> chunk = cells.subList(from, Math.min(cells.size(), from + ROWS_PER_INSERT));
            Query insert = em.createNativeQuery("INSERT INTO sync_cell (dossier_id, peer, cell_code, "
                + "cell_value, present) VALUES " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")));
            int parameter = 1;
            for (Map.Entry<String, String> cell : chunk) {
                insert.setParameter(parameter++, dossierId).setParameter(parameter++, peer)
                    .setParameter(parameter++, cell.getKey()).setParameter(parameter++, text(cell.getValue()))
                    .setParameter(parameter++, cell.getValue() != null);
            }
            insert.executeUpdate();
        }
    }

    @Override
    public List<Consent> consents(String siren) {
        return store.inTransaction(em -> consents(em, siren, null));
    }

    @Override
    public boolean consents(String siren, String peer) {
        return store.inTransaction(em -> !consents(em, siren, peer).isEmpty());
    }

    @Override
    public long consentRevision(String siren) {
        return store.inTransaction(em -> PartRevision.CONSENTS.read(em, siren));
    }

    @Override
    public Consent grant(String siren, String peer, long expectedRevision, String actor) {
        return store.inTransaction(em -> {
            PartRevision.CONSENTS.advance(em, siren, expectedRevision);
            if (consents(em, siren, peer).isEmpty()) {
                em.createNativeQuery("INSERT INTO sync_consent (siren, peer, granted_by, granted_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, siren).setParameter(2, peer).setParameter(3, actor)
                    .setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
            }
            return consents(em, siren, peer).get(0);
        });
    }

    @Override
    public boolean withdraw(String siren, String peer, long expectedRevision) {
        return store.inTransaction(em -> {
            boolean withdrawn = em.createNativeQuery("DELETE FROM sync_consent WHERE siren = ? AND peer = ?")
                .setParameter(1, siren).setParameter(2, peer).executeUpdate() > 0;
            if (withdrawn) {
                PartRevision.CONSENTS.advance(em, siren, expectedRevision);
            }
            return withdrawn;
        });
    }

    private static List<Consent> consents(EntityManager em, String siren, String peer) {
        List<?> rows = (peer == null
            ? em.createNativeQuery("SELECT siren, peer, granted_by, granted_at FROM sync_consent WHERE siren = ? "
                + "ORDER BY peer").setParameter(1, siren)
            : em.createNativeQuery("SELECT siren, peer, granted_by, granted_at FROM sync_consent WHERE siren = ? "
                + "AND peer = ?").setParameter(1, siren).setParameter(2, peer)).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new Consent(((String) row[0]).strip(),
            (String) row[1], (String) row[2], ((Timestamp) row[3]).toInstant())).toList();
    }

    private static List<SyncEntry> entries(EntityManager em, String sql, int limit, Object... parameters) {
        Query query = em.createNativeQuery(sql).setMaxResults(limit);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<?>) query.getResultList()).stream().map(Object[].class::cast).map(row -> new SyncEntry(
            ((Number) row[0]).longValue(), ((Timestamp) row[1]).toInstant(), (String) row[2], (String) row[3],
            nullable(row[4]), ((Number) row[5]).intValue(), nullable(row[6]), nullable(row[7]), nullable(row[8]),
            ((Number) row[9]).longValue(), nullable(row[10]), (String) row[11], (String) row[12],
            ((Number) row[13]).intValue())).toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String nullable(Object value) {
        return value == null || ((String) value).isEmpty() ? null : (String) value;
    }

}
