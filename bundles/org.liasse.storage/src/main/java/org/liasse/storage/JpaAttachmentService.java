package org.liasse.storage;

import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongFunction;

import javax.persistence.EntityManager;

import org.liasse.api.attachment.Attachment;
import org.liasse.api.attachment.AttachmentRules;
import org.liasse.api.attachment.AttachmentService;
import org.liasse.api.attachment.AttachmentSpace;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange space: metadata in table {@code attachment}, contents on disk ({@link AttachmentFiles}), kinds checked
 * on the content ({@link ContentInspector}). An upload is written aside, checked, then recorded and moved into
 * place in one transaction, so that a refusal or a failure leaves nothing behind; uploads to one dossier are
 * serialised so that its limits hold. A deletion keeps the row (who uploaded and deleted what, when) and erases
 * the content. Every upload, refusal, download and deletion is audited; the entry of an upload or a deletion is
 * written in its transaction, so that it exists exactly when the change does.
 */
@Component(service = AttachmentService.class, configurationPid = AttachmentConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AttachmentConfig.class)
public class JpaAttachmentService implements AttachmentService {

    private static final Logger LOG = LoggerFactory.getLogger(JpaAttachmentService.class);
    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private final JpaStore store;
    private final DossierService dossiers;
    private final AuditLog audit;
    private final AttachmentFiles files;
    private final ContentInspector inspector = new ContentInspector();
    private final AttachmentRules rules;
    private final PluginRegistry plugins;

    /** Opens the folder of contents and removes what an interrupted upload or deletion left there. */
    @Activate
    public JpaAttachmentService(@Reference JpaStore store, @Reference DossierService dossiers, @Reference AuditLog audit,
                                @Reference PluginRegistry plugins, AttachmentConfig config) {
        this.store = store;
        this.plugins = plugins;
        this.dossiers = dossiers;
        this.audit = audit;
        this.rules = new AttachmentRules(Math.max(1, config.max_file_bytes()), Math.max(1, config.max_dossier_bytes()),
            Math.max(1, config.max_files()), FileKind.describe());
        this.files = new AttachmentFiles(config.directory().isBlank()
            ? Path.of(System.getProperty("karaf.data", "data"), "liasse", "pieces") : Path.of(config.directory()));
        int removed = files.sweep(new HashSet<>(store.inTransaction(em -> em.createQuery(
            "SELECT a.storageKey FROM AttachmentEntity a WHERE a.deletedAt IS NULL", String.class).getResultList())));
        LOG.info("Pièces jointes stockées dans {} ({} fichier(s) orphelin(s) supprimé(s))", files.root(), removed);
    }

    @Override
    public AttachmentRules rules() {
        return rules;
    }

    @Override
    public AttachmentSpace list(long dossierId) {
        owner(dossierId);
        List<Attachment> attachments = store.inTransaction(em -> live(em, dossierId).stream()
            .map(AttachmentEntity::toRecord).toList());
        return new AttachmentSpace(attachments, attachments.stream().mapToLong(Attachment::size).sum(), rules);
    }

    @Override
    public long revision(long dossierId) {
        return store.inTransaction(em -> PartRevision.ATTACHMENTS.read(em, dossierId));
    }

    @Override
    public Attachment store(long dossierId, String fileName, InputStream content, String actor, String remoteAddress) {
        String siren = owner(dossierId);
        String name = fileName;
        try {
            name = FileNames.sanitise(fileName);
            try (AttachmentFiles.Upload upload = files.receive(content, rules.maxFileBytes(), name)) {
                if (upload.size() == 0) {
                    String detail = "Le fichier « " + name + " » est vide : rien n'a été enregistré.";
                    throw LiasseException.invalid("piece-vide", detail, List.of(new FieldError("fichier", "piece-vide", detail)));
                }
                FileKind kind = inspector.inspect(upload.path(), name);
                String described = "« " + name + " » (" + kind.label() + ", " + upload.size() + " octets, SHA-256 "
                    + upload.sha256() + ")";
                return record(dossierId, name, kind, upload, actor, id -> new AuditEvent("piece.deposee", actor,
                    remoteAddress, siren, target(dossierId, id), described));
            }
        } catch (LiasseException refusal) {
            audit(new AuditEvent("piece.refusee", actor, remoteAddress, siren, target(dossierId, null),
                refusal.code() + " : « " + name + " »"));
            throw refusal;
        }
    }

    /**
     * Checks the limits of the dossier, records the row and its audit entry ({@code deposit} of the new file's id)
     * and moves the content into place, in one transaction.
     */
    private Attachment record(long dossierId, String name, FileKind kind, AttachmentFiles.Upload upload, String actor,
                              LongFunction<AuditEvent> deposit) {
        String key = AttachmentFiles.newKey();
        synchronized (LOCKS[(int) Math.floorMod(dossierId, (long) LOCKS.length)]) {
            try {
                return store.inTransaction(em -> {
                    EntryGate.requireOpen(em, DossierEntity.require(em, dossierId), plugins);
                    List<AttachmentEntity> existing = live(em, dossierId);
                    long used = existing.stream().mapToLong(a -> a.toRecord().size()).sum();
                    if (existing.size() >= rules.maxFiles()) {
                        throw full("espace-dossier-plein", "Le dossier compte déjà " + existing.size()
                            + " pièces, le maximum : supprimez une pièce devenue inutile avant d'en déposer une autre.");
                    }
                    if (used + upload.size() > rules.maxDossierBytes()) {
                        throw full("espace-dossier-plein", "Le fichier « " + name + " » (" + Sizes.french(upload.size())
                            + ") dépasse la place restante du dossier (" + Sizes.french(rules.maxDossierBytes() - used)
                            + " sur " + Sizes.french(rules.maxDossierBytes()) + ") : supprimez une pièce devenue inutile, "
                            + "puis recommencez.");
                    }
                    AttachmentEntity entity = new AttachmentEntity(dossierId, name, kind.mediaType(), upload.size(),
                        upload.sha256(), key, actor, Instant.now());
                    em.persist(entity);
                    em.flush();
                    PartRevision.ATTACHMENTS.raise(em, dossierId);
                    Attachment saved = entity.toRecord();
                    JdbcAuditLog.append(em, deposit.apply(saved.id()));
                    files.place(upload, key);
                    return saved;
                });
            } catch (RuntimeException e) {
                files.erase(key);
                throw e;
            }
        }
    }

    @Override
    public Download open(long dossierId, long attachmentId, String actor, String remoteAddress) {
        String siren = owner(dossierId);
        AttachmentEntity entity = store.inTransaction(em -> find(em, dossierId, attachmentId));
        InputStream content;
        try {
            content = files.open(entity.storageKey());
        } catch (NoSuchFileException e) {
            LOG.error("Contenu de la pièce {} du dossier {} introuvable sur le disque", attachmentId, dossierId);
            throw new LiasseException(500, "contenu-introuvable", "Le contenu de cette pièce est introuvable sur le "
                + "serveur ; l'incident est journalisé, signalez-le à l'assistance.");
        }
        Attachment attachment = entity.toRecord();
        audit(new AuditEvent("piece.telechargee", actor, remoteAddress, siren, target(dossierId, attachmentId),
            "« " + attachment.name() + " »"));
        return new Download(attachment, content);
    }

    @Override
    public void delete(long dossierId, long attachmentId, long expectedRevision, String actor, String remoteAddress) {
        String siren = owner(dossierId);
        AttachmentEntity deleted = store.inTransaction(em -> {
            EntryGate.requireOpen(em, DossierEntity.require(em, dossierId), plugins);
            AttachmentEntity entity = find(em, dossierId, attachmentId);
            PartRevision.ATTACHMENTS.advance(em, dossierId, expectedRevision);
            entity.markDeleted(actor, Instant.now());
            JdbcAuditLog.append(em, new AuditEvent("piece.supprimee", actor, remoteAddress, siren,
                target(dossierId, attachmentId), "« " + entity.toRecord().name() + " » (SHA-256 "
                + entity.toRecord().sha256() + ")"));
            return entity;
        });
        files.erase(deleted.storageKey());
    }

    private String owner(long dossierId) {
        return dossiers.owner(dossierId)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + dossierId + "."));
    }

    private static List<AttachmentEntity> live(EntityManager em, long dossierId) {
        return em.createQuery("SELECT a FROM AttachmentEntity a WHERE a.dossierId = :dossier AND a.deletedAt IS NULL "
                + "ORDER BY a.uploadedAt DESC, a.id DESC", AttachmentEntity.class)
            .setParameter("dossier", dossierId).getResultList();
    }

    private static AttachmentEntity find(EntityManager em, long dossierId, long attachmentId) {
        AttachmentEntity entity = em.find(AttachmentEntity.class, attachmentId);
        if (entity == null || entity.deleted() || entity.toRecord().dossierId() != dossierId) {
            throw LiasseException.notFound("piece-inconnue", "Ce dossier n'a pas de pièce " + attachmentId + ".");
        }
        return entity;
    }

    private static LiasseException full(String code, String detail) {
        return new LiasseException(413, code, detail, List.of(new FieldError("fichier", code, detail)));
    }

    private static String target(long dossierId, Long attachmentId) {
        return "/dossiers/" + dossierId + "/pieces" + (attachmentId == null ? "" : "/" + attachmentId);
    }

    /**
     * Records a refusal or a download, which change nothing: their entries are written on their own, and a failure
     * to write one is logged loudly rather than reported wrongly to the client.
     */
    private void audit(AuditEvent event) {
        try {
            audit.record(event);
        } catch (RuntimeException e) {
            LOG.error("Action non journalisée dans l'audit : {}", event, e);
        }
    }
}
