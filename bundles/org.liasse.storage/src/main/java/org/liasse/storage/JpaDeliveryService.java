package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.persistence.EntityManager;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.error.LiasseException;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.identity.Caller;
import org.liasse.api.transmission.Delivery;
import org.liasse.api.transmission.DeliveryAttempt;
import org.liasse.api.transmission.DeliveryChannel;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;
import org.liasse.api.transmission.DeliveryService;
import org.liasse.api.transmission.DeliveryStatus;
import org.liasse.api.transmission.EffectiveRecipient;
import org.liasse.api.transmission.Parcel;
import org.liasse.api.transmission.ParcelFile;
import org.liasse.api.transmission.Recipient;
import org.liasse.api.transmission.SignedStatementInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox. A transmission writes one delivery per recipient in the transaction that moves the dossier; a worker
 * thread then takes due deliveries one at a time under a lease, hands them to their recipient's channel with the
 * same idempotency key at every attempt, and records each attempt, the receipt or the failure (retried with an
 * exponential backoff, then left failed for an operator to re-deliver). Every attempt is audited.
 */
@Component(service = {DeliveryService.class, JpaDeliveryService.class}, configurationPid = OutboxConfig.PID)
@Designate(ocd = OutboxConfig.class)
public class JpaDeliveryService implements DeliveryService {

    private static final Logger LOG = LoggerFactory.getLogger(JpaDeliveryService.class);
    private static final String WORKER = "outbox";
    private static final int MESSAGE_LENGTH = 2000;
    private static final String COLUMNS = "d.id, d.dossier_id, o.siren, o.campaign_year, o.questionnaire_code, "
        + "d.recipient_code, r.name, r.channel, d.idempotency_key, d.status, d.attempts, d.next_attempt_at, "
        + "d.last_error, d.receipt_reference, d.receipt_detail, d.created_at, d.delivered_at FROM delivery d "
        + "JOIN dossier o ON o.id = d.dossier_id JOIN recipient r ON r.code = d.recipient_code ";

    private final JpaStore store;
    private final JpaTransmissionService transmission;
    private final Signing signing;
    private final OutboxConfig config;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean running = new AtomicBoolean();

    /** Starts the worker. */
    @Activate
    public JpaDeliveryService(@Reference JpaStore store, @Reference JpaTransmissionService transmission,
                              @Reference Signing signing, OutboxConfig config) {
        this.store = store;
        this.transmission = transmission;
        this.signing = signing;
        this.config = config;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "liasse-outbox");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::deliverDue, 1, Math.max(1, config.poll_seconds()), TimeUnit.SECONDS);
    }

    /** Stops the worker; a delivery under way keeps its lease and is taken over after it. */
    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Puts one delivery per effective recipient of a dossier in the outbox, in the transmitting transaction. A
     * recipient that cannot be resolved or is inactive refuses the transmission (409 {@code destinataire-indisponible})
     * so that nothing is silently skipped.
     */
    void enqueue(EntityManager em, DossierEntity dossier, long statementId) {
        List<EffectiveRecipient> chosen = transmission.effective(em, dossier).stream()
            .filter(EffectiveRecipient::chosen).toList();
        List<String> problems = chosen.stream().filter(e -> !e.problem().isEmpty())
            .map(e -> e.recipientName() + " : " + e.problem()).toList();
        if (!problems.isEmpty()) {
            throw LiasseException.conflict("destinataire-indisponible", "Le dossier ne peut pas être transmis : "
                + String.join(" ; ", problems)).with("recipients", problems);
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (EffectiveRecipient recipient : chosen) {
            em.createNativeQuery("INSERT INTO delivery (dossier_id, statement_id, recipient_code, idempotency_key, "
                    + "status, attempts, next_attempt_at, last_error, receipt_reference, receipt_detail, created_at) "
                    + "VALUES (?, ?, ?, ?, 'PENDING', 0, ?, '', '', '', ?)")
                .setParameter(1, dossier.id()).setParameter(2, statementId).setParameter(3, recipient.recipientCode())
                .setParameter(4, "liasse-" + dossier.id() + "-" + statementId + "-" + recipient.recipientCode())
                .setParameter(5, now).setParameter(6, now).executeUpdate();
        }
    }

    /** Asks the worker to look at the outbox now, e.g. right after a transmission. */
    void wake() {
        worker.execute(this::deliverDue);
    }

    /** Attempts every due delivery; never throws (the worker must survive). */
    void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Long id : due()) {
                if (claim(id)) {
                    attempt(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Passage du livreur interrompu ; il reprendra au prochain passage", e);
        } finally {
            running.set(false);
        }
    }

    private List<Long> due() {
        Timestamp now = Timestamp.from(Instant.now());
        return store.inTransaction(em -> {
            List<Long> ids = new ArrayList<>();
            for (Object id : em.createNativeQuery("SELECT id FROM delivery WHERE status = 'PENDING' "
                    + "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id")
                .setParameter(1, now).setParameter(2, now).setMaxResults(100).getResultList()) {
                ids.add(((Number) id).longValue());
            }
            return ids;
        });
    }

    private boolean claim(long id) {
        Instant now = Instant.now();
        return store.inTransaction(em -> em.createNativeQuery("UPDATE delivery SET lease_until = ? WHERE id = ? "
                + "AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")
            .setParameter(1, Timestamp.from(now.plusSeconds(config.lease_seconds()))).setParameter(2, id)
            .setParameter(3, Timestamp.from(now)).executeUpdate() == 1);
    }

    /** What an attempt needs, read before talking to the recipient (no transaction held during delivery). */
    private record Work(Delivery delivery, Recipient recipient, Parcel parcel) {
    }

    private void attempt(long id) {
        Work work;
        try {
            work = store.inTransaction(em -> prepare(em, id));
        } catch (RuntimeException e) {
            record(id, null, new DeliveryException("Préparation impossible : " + e.getMessage(), false, e));
            return;
        }
        DeliveryChannel channel = transmission.channel(work.recipient().channel());
        try {
            if (!work.recipient().active()) {
                throw new DeliveryException("Le destinataire est désactivé.", false, null);
            }
            if (channel == null) {
                throw new DeliveryException("Le canal « " + work.recipient().channel() + " » n'est pas installé.",
                    false, null);
            }
            record(id, channel.deliver(work.parcel(), work.recipient().settings()), null);
        } catch (DeliveryException e) {
            record(id, null, e);
        } catch (RuntimeException e) {
            LOG.warn("Canal {} en erreur pour la livraison {}", work.recipient().channel(), id, e);
            record(id, null, new DeliveryException("Erreur du canal : " + e, false, e));
        }
    }

    private Work prepare(EntityManager em, long id) {
        Delivery delivery = delivery(em, id);
        Recipient recipient = JpaTransmissionService.recipients(em).stream()
            .filter(r -> r.code().equals(delivery.recipientCode())).findFirst().orElseThrow();
        Object[] keys = (Object[]) em.createNativeQuery("SELECT s.pdf_key, s.data_key, g.name FROM delivery d "
                + "JOIN signed_statement s ON s.id = d.statement_id JOIN dossier o ON o.id = d.dossier_id "
                + "JOIN organisation g ON g.siren = o.siren WHERE d.id = ?")
            .setParameter(1, id).getSingleResult();
        String base = delivery.questionnaire() + "-" + delivery.year() + "-" + delivery.siren();
        List<ParcelFile> files = List.of(signedFile(base, "pdf", (String) keys[0]),
            signedFile(base, "data", (String) keys[1]));
        return new Work(delivery, recipient, new Parcel(delivery.idempotencyKey(), recipient.code(), delivery.siren(),
            (String) keys[2], delivery.year(), delivery.questionnaire(), files));
    }

    private void record(long id, DeliveryReceipt receipt, DeliveryException failure) {
        Instant now = Instant.now();
        store.inTransaction(em -> {
            Delivery delivery = delivery(em, id);
            int attempts = delivery.attempts() + 1;
            if (receipt != null) {
                em.createNativeQuery("UPDATE delivery SET status = 'DELIVERED', attempts = ?, next_attempt_at = NULL, "
                        + "lease_until = NULL, last_error = '', receipt_reference = ?, receipt_detail = ?, "
                        + "delivered_at = ? WHERE id = ?")
                    .setParameter(1, attempts).setParameter(2, cut(receipt.reference(), 1000))
                    .setParameter(3, cut(receipt.detail(), MESSAGE_LENGTH)).setParameter(4, Timestamp.from(now))
                    .setParameter(5, id).executeUpdate();
            } else {
                boolean giveUp = failure.permanent() || attempts >= config.max_attempts();
                long delay = Math.min((long) config.backoff_seconds() << Math.min(attempts - 1, 30),
                    config.max_backoff_seconds());
                em.createNativeQuery("UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?, "
                        + "lease_until = NULL, last_error = ? WHERE id = ?")
                    .setParameter(1, giveUp ? "FAILED" : "PENDING").setParameter(2, attempts)
                    .setParameter(3, Timestamp.from(giveUp ? now : now.plus(Duration.ofSeconds(delay))))
                    .setParameter(4, cut(failure.getMessage(), MESSAGE_LENGTH)).setParameter(5, id).executeUpdate();
            }
            em.createNativeQuery("INSERT INTO delivery_attempt (delivery_id, attempt_at, succeeded, message, actor) "
                    + "VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).setParameter(3, receipt != null)
                .setParameter(4, cut(receipt != null ? receipt.detail() : failure.getMessage(), MESSAGE_LENGTH))
                .setParameter(5, WORKER).executeUpdate();
            Delivery after = delivery(em, id);
            JdbcAuditLog.append(em, new AuditEvent(receipt != null ? "livraison.reussie" : "livraison.echec", WORKER, null,
                after.siren(), "livraison " + id + " → " + after.recipientCode(), receipt != null ? receipt.reference()
                : after.status() + " après " + FrenchFormat.count(after.attempts(), "tentative", "tentatives") + " : " + failure.getMessage()));
            return null;
        });
    }

    @Override
    public List<Delivery> deliveries(long dossierId) {
        return store.inTransaction(em -> {
            DossierEntity.require(em, dossierId);
            return list(em, "WHERE d.dossier_id = ? ORDER BY d.id", dossierId);
        });
    }

    @Override
    public List<Delivery> campaignDeliveries(int year, DeliveryStatus status) {
        return store.inTransaction(em -> status == null
            ? list(em, "WHERE o.campaign_year = ? ORDER BY d.id", year)
            : list(em, "WHERE o.campaign_year = ? AND d.status = ? ORDER BY d.id", year, status.name()));
    }

    @Override
    public Delivery delivery(long id) {
        return store.inTransaction(em -> delivery(em, id));
    }

    @Override
    public List<DeliveryAttempt> attempts(long deliveryId) {
        return store.inTransaction(em -> {
            delivery(em, deliveryId);
            List<DeliveryAttempt> attempts = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT attempt_at, succeeded, message, actor FROM delivery_attempt "
                + "WHERE delivery_id = ? ORDER BY id").setParameter(1, deliveryId).getResultList()) {
                Object[] a = (Object[]) row;
                attempts.add(new DeliveryAttempt(((Timestamp) a[0]).toInstant(), (Boolean) a[1], (String) a[2],
                    (String) a[3]));
            }
            return attempts;
        });
    }

    @Override
    public Delivery redeliver(long deliveryId, Caller caller) {
        Delivery delivery = store.inTransaction(em -> {
            Delivery current = delivery(em, deliveryId);
            if (current.status() == DeliveryStatus.PENDING && current.attempts() == 0) {
                throw LiasseException.conflict("livraison-en-cours", "Cette livraison n'a pas encore été tentée : "
                    + "elle part au prochain passage du livreur.");
            }
            em.createNativeQuery("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                    + "lease_until = NULL WHERE id = ?")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, deliveryId).executeUpdate();
            Delivery relaunched = delivery(em, deliveryId);
            JdbcAuditLog.append(em, new AuditEvent("livraison.relancee", caller.login(), null, relaunched.siren(),
                "livraison " + deliveryId + " → " + relaunched.recipientCode(), "clé " + relaunched.idempotencyKey()));
            return relaunched;
        });
        wake();
        return delivery;
    }

    @Override
    public List<SignedStatementInfo> statements(long dossierId) {
        return store.inTransaction(em -> {
            DossierEntity.require(em, dossierId);
            List<SignedStatementInfo> statements = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT id, dossier_revision, signer, signed_at, timestamp_at, "
                + "signature_level, data_digest FROM signed_statement WHERE dossier_id = ? ORDER BY id DESC")
                .setParameter(1, dossierId).getResultList()) {
                Object[] s = (Object[]) row;
                statements.add(new SignedStatementInfo(((Number) s[0]).longValue(), dossierId,
                    ((Number) s[1]).longValue(), (String) s[2], ((Timestamp) s[3]).toInstant(),
                    ((Timestamp) s[4]).toInstant(), (String) s[5], ((String) s[6]).strip()));
            }
            return statements;
        });
    }

    @Override
    public ParcelFile statementFile(long dossierId, long statementId, String kind) {
        if (!"pdf".equals(kind) && !"data".equals(kind)) {
            throw LiasseException.notFound("document-inconnu", "Document inconnu : « " + kind + " » (pdf ou data).");
        }
        return store.inTransaction(em -> {
            DossierEntity dossier = DossierEntity.require(em, dossierId);
            List<?> rows = em.createNativeQuery("SELECT pdf_key, data_key FROM signed_statement WHERE id = ? "
                + "AND dossier_id = ?").setParameter(1, statementId).setParameter(2, dossierId).getResultList();
            if (rows.isEmpty()) {
                throw LiasseException.notFound("document-inconnu", "Ce dossier n'a pas de déclaration signée n° "
                    + statementId + ".");
            }
            Object[] keys = (Object[]) rows.get(0);
            return signedFile(dossier.questionnaireCode() + "-" + dossier.year() + "-" + dossier.siren() + "-"
                + statementId, kind, (String) ("pdf".equals(kind) ? keys[0] : keys[1]));
        });
    }

    /** A stored signed file under its download name: the PDF ({@code pdf}) or the signed data file ({@code data}). */
    private ParcelFile signedFile(String base, String kind, String key) {
        byte[] content = signing.files().read(key.strip());
        return "pdf".equals(kind) ? new ParcelFile(base + ".pdf", "application/pdf", content)
            : new ParcelFile(base + ".json.p7m", "application/pkcs7-mime", content);
    }

    private static Delivery delivery(EntityManager em, long id) {
        List<Delivery> found = list(em, "WHERE d.id = ?", id);
        if (found.isEmpty()) {
            throw LiasseException.notFound("livraison-inconnue", "La livraison " + id + " n'existe pas.");
        }
        return found.get(0);
    }

    private static List<Delivery> list(EntityManager em, String where, Object... parameters) {
        javax.persistence.Query query = em.createNativeQuery("SELECT " + COLUMNS + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] d = (Object[]) row;
            deliveries.add(new Delivery(((Number) d[0]).longValue(), ((Number) d[1]).longValue(),
                ((String) d[2]).strip(), ((Number) d[3]).intValue(), (String) d[4], (String) d[5], (String) d[6],
                (String) d[7], (String) d[8], DeliveryStatus.valueOf((String) d[9]), ((Number) d[10]).intValue(),
                instant(d[11]), (String) d[12], (String) d[13], (String) d[14], instant(d[15]), instant(d[16])));
        }
        return deliveries;
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant();
    }

    private static String cut(String text, int length) {
        String value = text == null ? "" : text;
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }
}
