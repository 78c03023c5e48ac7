package org.liasse.storage;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.EntityManager;

import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.Caller;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.signature.SignatureService;
import org.liasse.api.signature.SignedStatement;
import org.liasse.api.signature.Statement;
import org.liasse.api.signature.StatementSection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Signs a dossier when it enters the step that needs the signing right: renders its values as a statement, has it
 * signed, keeps both files on disk and records them with the transition.
 */
@Component(service = Signing.class)
public class Signing {

    /** A statement signed and stored, waiting to be recorded by the transition's transaction. */
    record Signed(long revision, String signer, Instant signedAt, SignedStatement statement, String pdfKey,
                  String dataKey) {
    }

    private final SignatureService signatures;
    private final DossierService dossiers;
    private final OrganisationService organisations;
    private final PluginRegistry plugins;
    private final SignedFiles files;

    /** Keeps signed files under {@code ${karaf.data}/liasse/signatures}. */
    @Activate
    public Signing(@Reference SignatureService signatures, @Reference DossierService dossiers,
                   @Reference OrganisationService organisations, @Reference PluginRegistry plugins) {
        this.signatures = signatures;
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.plugins = plugins;
        this.files = new SignedFiles(Path.of(System.getProperty("karaf.data", "data"), "liasse", "signatures"));
    }

    /** The stored signed files. */
    SignedFiles files() {
        return files;
    }

    /**
     * Signs the dossier's values at the expected revision (409 {@code dossier-modifie} otherwise) in the caller's
     * name; the signature service refuses an expired or revoked certificate and an unreachable timestamp authority.
     */
    Signed sign(long dossierId, long expectedRevision, Caller caller) {
        Dossier dossier = dossier(dossierId);
        if (dossier.revision() != expectedRevision) {
            throw LiasseException.conflict("dossier-modifie", "Le dossier a changé entre-temps (révision attendue "
                + expectedRevision + ", actuelle " + dossier.revision() + ") : rechargez-le.");
        }
        Statement statement = statement(dossier, caller, Instant.now());
        SignedStatement signed = signatures.sign(statement);
        return new Signed(dossier.revision(), caller.login(), statement.signedAt(), signed, files.store(signed.pdf()),
            files.store(signed.data()));
    }

    /** The PDF that signing the dossier now in the caller's name would produce, unsigned. */
    byte[] preview(long dossierId, Caller caller) {
        return signatures.preview(statement(dossier(dossierId), caller, Instant.now()));
    }

    private Dossier dossier(long dossierId) {
        return dossiers.find(dossierId).orElseThrow(() -> LiasseException.notFound("dossier-inconnu",
            "Le dossier " + dossierId + " n'existe pas."));
    }

    private Statement statement(Dossier dossier, Caller caller, Instant now) {
        QuestionnaireDefinition definition = plugins.questionnaire(dossier.questionnaireCode(),
            dossier.questionnaireVersion()).orElseThrow(() -> LiasseException.conflict("questionnaire-indisponible",
            "Le questionnaire " + dossier.questionnaireCode() + " " + dossier.questionnaireVersion()
                + " n'est plus installé : le dossier ne peut pas être signé."));
        Organisation organisation = organisations.find(dossier.siren()).orElseThrow();
        return new Statement(dossier.id(), dossier.revision(), dossier.siren(), organisation.name(),
            dossier.year(), definition.code(), definition.title(), definition.version(), caller.login(),
            caller.displayName(), now, StatementSection.of(definition, dossier.values()));
    }

    /** Records a signed statement in the transition's transaction; returns its identifier. */
    long record(EntityManager em, long dossierId, Signed signed) {
        em.createNativeQuery("INSERT INTO signed_statement (dossier_id, dossier_revision, signer, signed_at, "
                + "timestamp_at, signature_level, data_digest, pdf_key, data_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .setParameter(1, dossierId).setParameter(2, signed.revision()).setParameter(3, signed.signer())
            .setParameter(4, Timestamp.from(signed.signedAt()))
            .setParameter(5, Timestamp.from(signed.statement().timestampAt()))
            .setParameter(6, signed.statement().level()).setParameter(7, signed.statement().dataDigest())
            .setParameter(8, signed.pdfKey()).setParameter(9, signed.dataKey()).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT MAX(id) FROM signed_statement WHERE dossier_id = ?")
            .setParameter(1, dossierId).getSingleResult()).longValue();
    }

    /**
     * The statement signed for a dossier since it last went back to data entry, if any: what a transmission
     * delivers.
     */
    Long current(EntityManager em, long dossierId) {
        Object returned = em.createNativeQuery("SELECT MAX(transition_at) FROM dossier_transition WHERE dossier_id = ? "
            + "AND kind IN ('REOPEN', 'SEND_BACK')").setParameter(1, dossierId).getSingleResult();
        for (Object row : em.createNativeQuery("SELECT id, signed_at FROM signed_statement WHERE dossier_id = ? "
            + "ORDER BY id DESC").setParameter(1, dossierId).setMaxResults(1).getResultList()) {
            Object[] statement = (Object[]) row;
            if (returned == null || !((Timestamp) statement[1]).before((Timestamp) returned)) {
                return ((Number) statement[0]).longValue();
            }
        }
        return null;
    }
}
