package org.liasse.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.verification.Justification;
import org.liasse.api.verification.Verification;
import org.liasse.api.verification.VerificationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Verification runs stored with JPA (the run) and native SQL (its outcome and aggregate rows): the dossier, its year
 * N-1 and the organisation's other questionnaires of the campaign are read, evaluated with the compiled plan of the
 * dossier's questionnaire version, and stored in one transaction.
 */
@Component(service = VerificationService.class)
public class JpaVerificationService implements VerificationService {

    private static final int MESSAGE_LENGTH = 2000;
    private static final int LIST_LENGTH = 4000;
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
        ControlReport report = engine.evaluate(dossier.questionnaireCode(), dossier.questionnaireVersion(),
                ControlData.load(dossiers, dossier))
            .orElseThrow(() -> LiasseException.conflict("controles-indisponibles", "Aucun plugin actif ne fournit les "
                + "contrôles du questionnaire " + dossier.questionnaireCode() + " " + dossier.questionnaireVersion()
                + " : la vérification est impossible pour l'instant."));
        return store.inTransaction(em -> {
            VerificationEntity run = new VerificationEntity(dossierId, dossier.revision(), Instant.now(), actor,
                dossier.questionnaireVersion());
            em.persist(run);
            em.flush();
            int item = 0;
            for (ControlOutcome outcome : report.outcomes()) {
                em.createNativeQuery("INSERT INTO verification_outcome (verification_id, item_no, control_code, "
                        + "severity, status, message, involved, cells, rule_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, run.id()).setParameter(2, item++).setParameter(3, outcome.code())
                    .setParameter(4, outcome.severity().name()).setParameter(5, outcome.status().name())
                    .setParameter(6, cut(outcome.message(), MESSAGE_LENGTH))
                    .setParameter(7, cut(Lines.map(outcome.values()), LIST_LENGTH))
                    .setParameter(8, cut(Lines.list(outcome.cells()), LIST_LENGTH))
                    .setParameter(9, outcome.ruleVersion()).executeUpdate();
            }
            item = 0;
            for (AggregateValue aggregate : report.aggregates()) {
                // A null parameter has no SQL type for Derby through OpenJPA: an empty value is left out instead.
                boolean empty = aggregate.value() == null;
                Query insert = em.createNativeQuery("INSERT INTO verification_aggregate "
                        + "(verification_id, item_no, code, label, group_label, unit, error, rule_version"
                        + (empty ? ")" : ", num_value)") + " VALUES (?, ?, ?, ?, ?, ?, ?, ?" + (empty ? ")" : ", ?)"))
                    .setParameter(1, run.id()).setParameter(2, item++).setParameter(3, aggregate.code())
                    .setParameter(4, aggregate.label()).setParameter(5, aggregate.group()).setParameter(6, aggregate.unit())
                    .setParameter(7, cut(aggregate.error(), MESSAGE_LENGTH / 4)).setParameter(8, aggregate.ruleVersion());
                if (!empty) {
                    insert.setParameter(9, aggregate.value().setScale(6, RoundingMode.HALF_UP));
                }
                insert.executeUpdate();
            }
            return load(em, run);
        });
    }

    @Override
    public Optional<Verification> latest(long dossierId) {
        return store.inTransaction(em -> em.createQuery("SELECT v FROM VerificationEntity v WHERE v.dossierId = :id "
                + "ORDER BY v.id DESC", VerificationEntity.class)
            .setParameter("id", dossierId).setMaxResults(1).getResultList().stream().findFirst()
            .map(run -> load(em, run)));
    }

    @Override
    public Justification justify(long dossierId, String controlCode, String text, String actor) {
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
                + "rule_version FROM verification_outcome WHERE verification_id = ? ORDER BY item_no")
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
        return new Verification(run.id(), run.dossierId(), run.dossierRevision(), run.at(), run.actor(),
            run.questionnaireVersion(), outcomes, aggregates, justifications);
    }

    private static String cut(String text, int length) {
        return text == null ? "" : text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
