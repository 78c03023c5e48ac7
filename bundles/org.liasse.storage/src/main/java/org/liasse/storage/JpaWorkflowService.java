package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.BiConsumer;

import javax.persistence.EntityManager;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;
import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.StepGuard;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.error.LiasseException;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.Caller;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.verification.Verification;
import org.liasse.api.verification.VerificationService;
import org.liasse.api.workflow.Attestation;
import org.liasse.api.workflow.Transition;
import org.liasse.api.workflow.TransitionKind;
import org.liasse.api.workflow.WorkflowService;
import org.liasse.api.workflow.WorkflowState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Workflow transitions stored with native SQL: the step moves with a compare-and-set on the dossier revision, in
 * the same transaction as its history row, so that of two concurrent transitions exactly one wins. Entering the step
 * that needs the signing right signs the statement; entering the step that needs the transmitting right puts one
 * delivery per recipient in the outbox, in the same transaction (signing first if no step signed it). Signing needs
 * the signer's certification and password, transmitting the confirmation; both are audited.
 */
@Component(service = WorkflowService.class)
public class JpaWorkflowService implements WorkflowService {

    /** The statement the signer ticks, recorded in the audit entry of the signature. */
    static final String CERTIFICATION = "Je certifie l'exactitude des informations";

    private static final int REASON_LENGTH = 2000;

    private final JpaStore store;
    private final PluginRegistry plugins;
    private final VerificationService verifications;
    private final Signing signing;
    private final JpaDeliveryService outbox;
    private final AccountService accounts;

    /**
     * Uses the shared persistence unit, the plugins' workflows, the verification runs for the guards, the signing
     * of statements, the outbox, and the accounts that check the signer's password again.
     */
    @Activate
    public JpaWorkflowService(@Reference JpaStore store, @Reference PluginRegistry plugins,
                              @Reference VerificationService verifications, @Reference Signing signing,
                              @Reference JpaDeliveryService outbox, @Reference AccountService accounts) {
        this.accounts = accounts;
        this.store = store;
        this.plugins = plugins;
        this.verifications = verifications;
        this.signing = signing;
        this.outbox = outbox;
    }

    @Override
    public WorkflowState state(long dossierId) {
        return store.inTransaction(em -> state(em, DossierEntity.require(em, dossierId)));
    }

    @Override
    public byte[] statementPreview(long dossierId, Caller caller) {
        return signing.preview(dossierId, caller);
    }

    @Override
    public WorkflowState advance(long dossierId, long expectedRevision, Attestation attestation, Caller caller) {
        WorkflowState state = current(dossierId, expectedRevision);
        StepDefinition next = state.next();
        if (next == null) {
            throw LiasseException.conflict("transition-interdite", "Le dossier est à la dernière étape « "
                + state.current().label() + " » : il n'y a pas d'étape suivante.");
        }
        if (!state.mayAdvance(caller)) {
            throw new LiasseException(403, "droit-insuffisant", "Faire passer le dossier à l'étape « " + next.label()
                + " » demande le droit « " + next.right() + " », que vous n'avez pas.");
        }
        boolean transmits = state.nextTransmits();
        // A dossier sent back since cannot keep this statement: sending it back changed the revision the move needs.
        Long statement = transmits ? store.inTransaction(em -> signing.current(em, dossierId)) : null;
        boolean signs = state.nextSigns() || transmits && statement == null;
        attest(signs, transmits, attestation, caller);
        if (!next.guards().isEmpty()) {
            checkGuards(dossierId, next, caller.login());
        }
        Signing.Signed signed = signs ? signing.sign(dossierId, expectedRevision, caller) : null;
        WorkflowState moved = move(dossierId, expectedRevision, state, next.code(), TransitionKind.ADVANCE,
            caller.login(), "", (em, dossier) -> {
                Long delivered = signed != null ? Long.valueOf(signing.record(em, dossierId, signed)) : statement;
                if (signed != null) {
                    JdbcAuditLog.append(em, new AuditEvent("dossier.signe", caller.login(),
                        attestation.remoteAddress(), dossier.siren(), Long.toString(dossierId), "« " + CERTIFICATION
                            + " » cochée, mot de passe vérifié, déclaration n° " + delivered));
                }
                if (transmits) {
                    outbox.enqueue(em, dossier, delivered);
                    JdbcAuditLog.append(em, new AuditEvent("dossier.transmis", caller.login(),
                        attestation.remoteAddress(), dossier.siren(), Long.toString(dossierId),
                        "transmission confirmée, déclaration n° " + delivered));
                }
            });
        if (transmits) {
            outbox.wake();
        }
        return moved;
    }

    @Override
    public WorkflowState reopen(long dossierId, long expectedRevision, String reason, Caller caller) {
        WorkflowState state = current(dossierId, expectedRevision);
        if (!state.protectedFromEntry()) {
            throw LiasseException.conflict("transition-interdite", "Le dossier est déjà en saisie.");
        }
        if (state.workflow().locked(state.step())) {
            throw LiasseException.conflict("dossier-verrouille", "Le dossier est à l'étape « " + state.current().label()
                + " » : seul le partenaire peut désormais le renvoyer en saisie.");
        }
        if (!state.mayReopen(caller)) {
            throw new LiasseException(403, "droit-insuffisant", "Modifier un dossier à l'étape « "
                + state.current().label() + " » demande le droit « " + state.current().right() + " », que vous n'avez pas.");
        }
        return move(dossierId, expectedRevision, state, first(state), TransitionKind.REOPEN, caller.login(),
            reason(reason, false), (em, dossier) -> { });
    }

    @Override
    public WorkflowState sendBack(long dossierId, long expectedRevision, String reason, Caller caller) {
        String why = reason(reason, true);
        WorkflowState state = current(dossierId, expectedRevision);
        if (!caller.operator()) {
            throw new LiasseException(403, "droit-insuffisant", "Seul le partenaire renvoie un dossier.");
        }
        if (!state.maySendBack(caller)) {
            throw LiasseException.conflict("transition-interdite", "Le dossier est à l'étape « "
                + state.current().label() + " » : il n'a pas encore été remis au partenaire, il ne peut pas être renvoyé.");
        }
        return move(dossierId, expectedRevision, state, first(state), TransitionKind.SEND_BACK, caller.login(), why,
            (em, dossier) -> { });
    }

    /**
     * What signing and transmitting need from the person: the certification and their password checked again to
     * sign, the confirmation to transmit.
     */
    private void attest(boolean signs, boolean transmits, Attestation attestation, Caller caller) {
        if (signs && !attestation.certified()) {
            throw new LiasseException(400, "certification-requise", "Pour signer, cochez « " + CERTIFICATION
                + " » : rien n'a été signé.");
        }
        if (signs) {
            accounts.reauthenticate(caller, attestation.password(), attestation.remoteAddress());
        }
        if (transmits && !attestation.confirmed()) {
            throw new LiasseException(400, "confirmation-requise", "Confirmez la transmission du dossier à ses "
                + "destinataires : rien n'a été transmis.");
        }
    }

    /** The state of a dossier of an open campaign whose revision is the expected one. */
    private WorkflowState current(long dossierId, long expectedRevision) {
        return store.inTransaction(em -> {
            DossierEntity dossier = DossierEntity.require(em, dossierId);
            EntryGate.requireCampaignOpen(em, dossier);
            if (dossier.revision() != expectedRevision) {
                throw stale(expectedRevision, dossier.revision());
            }
            return state(em, dossier);
        });
    }

    private void checkGuards(long dossierId, StepDefinition step, String actor) {
        Verification run = verifications.verify(dossierId, actor);
        List<ControlOutcome> blocking = new ArrayList<>();
        if (step.guards().contains(StepGuard.NO_ERROR)) {
            run.outcomes().stream().filter(o -> o.severity() == Severity.ERROR)
                .filter(o -> o.status() == ControlStatus.FAILED || o.status() == ControlStatus.RUNTIME_ERROR)
                .forEach(blocking::add);
        }
        if (step.guards().contains(StepGuard.WARNINGS_JUSTIFIED)) {
            blocking.addAll(run.unjustifiedWarnings());
        }
        if (!blocking.isEmpty()) {
            List<Map<String, String>> list = blocking.stream().map(o -> {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("code", o.code());
                item.put("severity", o.severity().name());
                item.put("message", o.message());
                return item;
            }).toList();
            throw LiasseException.conflict("controles-bloquants", FrenchFormat.count(blocking.size(),
                "contrôle empêche", "contrôles empêchent") + " le passage "
                + "à l'étape « " + step.label() + " » : corrigez les erreurs et justifiez les alertes, puis recommencez.")
                .with("blocking", list);
        }
    }

    private WorkflowState move(long dossierId, long expectedRevision, WorkflowState from, String to, TransitionKind kind,
                               String actor, String reason, BiConsumer<EntityManager, DossierEntity> effect) {
        return store.inTransaction(em -> {
            Timestamp now = Timestamp.from(Instant.now());
            int updated = em.createNativeQuery("UPDATE dossier SET step = ?, revision = revision + 1, last_activity = ? "
                    + "WHERE id = ? AND revision = ?")
                .setParameter(1, to).setParameter(2, now).setParameter(3, dossierId).setParameter(4, expectedRevision)
                .executeUpdate();
            if (updated == 0) {
                DossierEntity dossier = DossierEntity.require(em, dossierId);
                em.refresh(dossier);
                throw stale(expectedRevision, dossier.revision());
            }
            em.createNativeQuery("INSERT INTO dossier_transition (dossier_id, from_step, to_step, kind, actor, "
                    + "transition_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, dossierId).setParameter(2, from.current().code()).setParameter(3, to)
                .setParameter(4, kind.name()).setParameter(5, actor).setParameter(6, now).setParameter(7, reason)
                .executeUpdate();
            DossierEntity dossier = DossierEntity.require(em, dossierId);
            em.refresh(dossier);
            effect.accept(em, dossier);
            return state(em, dossier);
        });
    }

    private WorkflowState state(EntityManager em, DossierEntity dossier) {
        WorkflowDefinition workflow = plugins.workflow(dossier.questionnaireCode());
        List<Transition> history = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT from_step, to_step, kind, actor, transition_at, reason "
                + "FROM dossier_transition WHERE dossier_id = ? ORDER BY id").setParameter(1, dossier.id()).getResultList()) {
            Object[] t = (Object[]) row;
            history.add(new Transition((String) t[0], (String) t[1], TransitionKind.valueOf((String) t[2]),
                (String) t[3], ((Timestamp) t[4]).toInstant(), (String) t[5]));
        }
        return new WorkflowState(dossier.id(), dossier.revision(), workflow, workflow.step(dossier.step()).code(),
            history);
    }

    private static String first(WorkflowState state) {
        return state.workflow().steps().get(0).code();
    }

    private static String reason(String reason, boolean required) {
        String text = reason == null ? "" : reason.strip();
        if (required && text.isEmpty()) {
            throw LiasseException.invalid("motif-obligatoire", "Indiquez le motif du renvoi : l'organisation le verra.",
                List.of());
        }
        if (text.length() > REASON_LENGTH) {
            throw LiasseException.invalid("motif-trop-long", "Le motif dépasse " + REASON_LENGTH + " caractères.",
                List.of());
        }
        return text;
    }

    private static LiasseException stale(long expected, long actual) {
        return LiasseException.conflict("dossier-modifie", "Le dossier a changé entre-temps (révision attendue "
            + expected + ", actuelle " + actual + ") : rechargez-le, puis recommencez si c'est toujours nécessaire.");
    }
}
