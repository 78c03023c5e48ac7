package org.liasse.storage;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.verification.Justification;
import org.liasse.api.verification.Verification;
import org.liasse.api.verification.VerificationService;
import org.liasse.api.verification.VerificationSummary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Verification runs: the dossier, its year N-1 and the organisation's other questionnaires of the campaign are read,
 * evaluated with the compiled plan of the dossier's questionnaire version, and stored in one JDBC transaction
 * ({@link RunWriter}: only the controls that did not pass get a row); runs are read back with JPA.
 */
@Component(service = VerificationService.class)
public class JpaVerificationService implements VerificationService {

    private static final int JUSTIFICATION_LENGTH = 2000;

    private final JpaStore store;
    private final DossierService dossiers;
    private final ControlEngine engine;

    /** Uses the shared persistence unit, the dossiers and the compiled controls. */
    @Activate
    public JpaVerificationService(@Reference JpaStore store, @Reference DossierService dossiers,
                                  @Reference ControlEngine engine) {
        this.store = store;
        this.dossiers = dossiers;
        this.engine = engine;
    }

    @Override
    public Verification verify(long dossierId, String actor) {
        Dossier dossier = dossiers.find(dossierId)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + dossierId + "."));
        ControlPlan plan = engine.plan(dossier.questionnaireCode(), dossier.questionnaireVersion())
            .orElseThrow(() -> LiasseException.conflict("controles-indisponibles", "Aucun plugin actif ne fournit les "
                + "contrôles du questionnaire " + dossier.questionnaireCode() + " " + dossier.questionnaireVersion()
                + " : la vérification est impossible pour l'instant."));
        ControlReport report = plan.evaluate(ControlData.load(dossiers, dossier));
        RunWriter.Run run = new RunWriter.Run(dossier.id(), dossier.revision(), plan.fingerprint(), report);
        long id = store.inJdbcTransaction(connection -> RunWriter.write(connection,
            new RunWriter.Origin(Instant.now(), actor, null), List.of(run)).get(0));
        return store.inTransaction(em -> load(em, em.find(VerificationEntity.class, id)));
    }

    @Override
    public Optional<Verification> latest(long dossierId) {
        return store.inTransaction(em -> em.createQuery("SELECT v FROM VerificationEntity v WHERE v.dossierId = :id "
                + "ORDER BY v.id DESC", VerificationEntity.class)
            .setParameter("id", dossierId).setMaxResults(1).getResultList().stream().findFirst()
            .map(run -> load(em, run)));
    }

    @Override
    public List<VerificationSummary> history(long dossierId) {
        return store.inTransaction(em -> {
            List<VerificationSummary> runs = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT v.id, v.dossier_revision, v.verified_at, v.actor, "
                    + "v.run_trigger, v.questionnaire_version, v.passed, "
                    + "SUM(CASE WHEN o.status = 'FAILED' THEN 1 ELSE 0 END), v.not_applicable, "
                    + "SUM(CASE WHEN o.status = 'RUNTIME_ERROR' THEN 1 ELSE 0 END) "
                    + "FROM verification v LEFT JOIN verification_outcome o ON o.verification_id = v.id "
                    + "WHERE v.dossier_id = ? GROUP BY v.id, v.dossier_revision, v.verified_at, v.actor, "
                    + "v.run_trigger, v.questionnaire_version, v.passed, v.not_applicable ORDER BY v.id DESC")
                .setParameter(1, dossierId).getResultList()) {
                Object[] r = (Object[]) row;
                runs.add(new VerificationSummary(number(r[0]), number(r[1]), ((Timestamp) r[2]).toInstant(),
                    (String) r[3], (String) r[4], (String) r[5], (int) number(r[6]), (int) number(r[7]),
                    (int) number(r[8]), (int) number(r[9])));
            }
            return runs;
        });
    }

    /** A number column, 0 for SQL NULL (a sum over no row). */
    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public long justificationRevision(long dossierId) {
        return store.inTransaction(em -> PartRevision.JUSTIFICATIONS.read(em, dossierId));
    }

    @Override
    public Justification justify(long dossierId, String controlCode, String text, long expectedRevision,
                                 String actor) {
        if (text == null || text.isBlank()) {
            throw LiasseException.invalid("justification-vide", "Écrivez la justification de l'alerte.", List.of());
        }
        if (text.length() > JUSTIFICATION_LENGTH) {
            throw LiasseException.invalid("justification-trop-longue", "La justification dépasse "
                + JUSTIFICATION_LENGTH + " caractères.", List.of());
        }
        Verification latest = latest(dossierId).orElseThrow(() -> LiasseException.conflict("verification-absente",
            "Lancez d'abord la vérification du dossier."));
        boolean failedWarning = latest.failed(Severity.WARNING).stream().anyMatch(o -> o.code().equals(controlCode));
        if (!failedWarning) {
            throw LiasseException.conflict("justification-inutile", "Le contrôle « " + controlCode + " » n'est pas une "
                + "alerte en échec lors de la dernière vérification : il n'y a rien à justifier.");
        }
        Justification justification = new Justification(controlCode, text.strip(), actor, Instant.now());
        store.inTransaction(em -> {
            PartRevision.JUSTIFICATIONS.advance(em, dossierId, expectedRevision);
            em.createNativeQuery("DELETE FROM justification WHERE dossier_id = ? AND control_code = ?")
                .setParameter(1, dossierId).setParameter(2, controlCode).executeUpdate();
            return em.createNativeQuery("INSERT INTO justification (dossier_id, control_code, text_value, actor, "
                    + "justified_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, dossierId).setParameter(2, controlCode).setParameter(3, justification.text())
                .setParameter(4, actor).setParameter(5, Timestamp.from(justification.at())).executeUpdate();
        });
        return justification;
    }

    private static Verification load(EntityManager em, VerificationEntity run) {
        List<ControlOutcome> outcomes = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT control_code, severity, status, message, involved, cells, "
                + "rule_version FROM verification_outcome WHERE verification_id = ? AND status <> 'PASSED' ORDER BY item_no")
            .setParameter(1, run.id()).getResultList()) {
            Object[] c = (Object[]) row;
            outcomes.add(new ControlOutcome((String) c[0], Severity.valueOf((String) c[1]),
                ControlStatus.valueOf((String) c[2]), (String) c[3], Lines.map((String) c[4]),
                Lines.list((String) c[5]), (String) c[6]));
        }
        List<AggregateValue> aggregates = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT code, label, group_label, unit, num_value, error, rule_version "
                + "FROM verification_aggregate WHERE verification_id = ? ORDER BY item_no")
            .setParameter(1, run.id()).getResultList()) {
            Object[] a = (Object[]) row;
            BigDecimal value = a[4] == null ? null : new BigDecimal(a[4].toString()).stripTrailingZeros();
            aggregates.add(new AggregateValue((String) a[0], (String) a[1], (String) a[2], (String) a[3], value,
                (String) a[5], (String) a[6]));
        }
        Map<String, Justification> justifications = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT control_code, text_value, actor, justified_at FROM justification "
                + "WHERE dossier_id = ? ORDER BY control_code").setParameter(1, run.dossierId()).getResultList()) {
            Object[] j = (Object[]) row;
            justifications.put((String) j[0], new Justification((String) j[0], (String) j[1], (String) j[2],
                ((Timestamp) j[3]).toInstant()));
        }
        return new Verification(run.id(), run.dossierId(), run.dossierRevision(), run.at(), run.actor(), run.trigger(),
            run.questionnaireVersion(), run.passed(), run.notApplicable(), outcomes, aggregates, justifications);
    }
}
