package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.identity.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password reset requests, queued in {@code password_reset_request}. Recording a request is the same work whatever
 * the identifier, so that neither the answer nor its timing tells whether an account exists; the link is issued and
 * emailed afterwards by {@link #drain}, and a mail server failure only puts the request off (by
 * {@code reset.retry.seconds}, then twice as long each time, an hour at most; given up after {@value #MAX_ATTEMPTS}
 * attempts).
 */
final class PasswordResets {

    /** Attempts before a request is given up. */
    static final int MAX_ATTEMPTS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
    private static final Duration LONGEST_DELAY = Duration.ofHours(1);
    private static final int IDENTIFIER_LENGTH = 254;
    private static final int ADDRESS_LENGTH = 64;

    private final JpaStore store;
    private final Mailer mailer;
    private final IdentityConfig config;

    PasswordResets(JpaStore store, Mailer mailer, IdentityConfig config) {
        this.store = store;
        this.mailer = mailer;
        this.config = config;
    }

    /** Records a request and its audit entry; nothing here depends on whether an account matches. */
    void enqueue(String identifier, String remoteAddress, Instant now) {
        store.inTransaction(em -> {
            em.persist(new ResetRequestEntity(cut(identifier, IDENTIFIER_LENGTH), cut(remoteAddress, ADDRESS_LENGTH), now));
            JdbcAuditLog.append(em, new AuditEvent("mot-de-passe.demande-reinitialisation", "anonyme", remoteAddress, null,
                identifier, "demande enregistrée"));
            return null;
        });
    }

    /** Handles the requests due at {@code now}; returns how many were due. */
    int drain(Instant now) {
        List<Long> due = store.inTransaction(em -> em.createQuery("SELECT r.id FROM ResetRequestEntity r "
            + "WHERE r.nextAttemptAt <= :now ORDER BY r.id", Long.class).setParameter("now", Timestamp.from(now))
            .getResultList());
        due.forEach(id -> handle(id, now));
        return due.size();
    }

    /**
     * In one transaction: issues and emails a link when an active account matches, removes the request and audits
     * it. When the mail cannot be sent, all of it is rolled back and the request is put off.
     */
    private void handle(long id, Instant now) {
        try {
            store.inTransaction(em -> {
                ResetRequestEntity request = em.find(ResetRequestEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (request == null) {
                    return null;
                }
                Optional<UserEntity> user = activeAccount(em, request.identifier());
                user.ifPresent(u -> mailLink(em, u, now));
                em.remove(request);
                JdbcAuditLog.append(em, new AuditEvent(user.isPresent() ? "mot-de-passe.lien-envoye"
                    : "mot-de-passe.demande-sans-suite", "systeme", request.remoteAddress(),
                    user.map(UserEntity::siren).orElse(null), request.identifier(),
                    user.isPresent() ? "lien envoyé" : "aucun compte actif"));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Demande de réinitialisation {} non traitée : {}", id, e.getMessage());
            putOff(id, now);
        }
    }

    private void putOff(long id, Instant now) {
        store.inTransaction(em -> {
            ResetRequestEntity request = em.find(ResetRequestEntity.class, id);
            if (request == null) {
                return null;
            }
            Duration delay = delay(request.attempts() + 1);
            request.failed(now, delay);
            if (request.attempts() >= MAX_ATTEMPTS) {
                em.remove(request);
                JdbcAuditLog.append(em, new AuditEvent("mot-de-passe.envoi-abandonne", "systeme", request.remoteAddress(),
                    null, request.identifier(), "courriel non envoyé après " + MAX_ATTEMPTS + " tentatives"));
            } else {
                JdbcAuditLog.append(em, new AuditEvent("mot-de-passe.envoi-reporte", "systeme", request.remoteAddress(),
                    null, request.identifier(), "tentative " + request.attempts() + " échouée, nouvel essai dans "
                    + delay.toSeconds() + " s"));
            }
            return null;
        });
    }

    /** The configured delay before the second attempt, twice as long before each next one, an hour at most. */
    Duration delay(int attempt) {
        Duration delay = Duration.ofSeconds(config.reset_retry_seconds()).multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    private static Optional<UserEntity> activeAccount(EntityManager em, String identifier) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.loginKey = :key OR LOWER(u.email) = :email ORDER BY u.id",
                UserEntity.class).setParameter("key", UserEntity.key(identifier))
            .setParameter("email", identifier.toLowerCase(Locale.ROOT)).getResultList().stream()
            .filter(UserEntity::active).filter(u -> u.email() != null && !u.email().isBlank()).findFirst();
    }

    /** Makes the account's earlier links unusable, issues a new one and emails it. */
    private void mailLink(EntityManager em, UserEntity user, Instant now) {
        em.createQuery("UPDATE CredentialEntity c SET c.usedAt = :now WHERE c.userId = :user AND c.purpose = 'RESET' "
            + "AND c.usedAt IS NULL").setParameter("now", Timestamp.from(now)).setParameter("user", user.id())
            .executeUpdate();
        String token = Secrets.newSecret("rst_");
        em.persist(new CredentialEntity(Secrets.hash(token), user.id(), CredentialEntity.Purpose.RESET, null, null, now,
            now.plus(Duration.ofMinutes(config.reset_token_minutes()))));
        mailer.send(user.email(), "Liasse : réinitialisation de votre mot de passe",
            "Bonjour,\n\nUne réinitialisation du mot de passe du compte " + user.login() + " a été demandée.\n"
            + "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable " + config.reset_token_minutes()
            + " minutes, une seule fois) :\n" + config.public_url() + "/reinitialisation.html?jeton=" + token + "\n\n"
            + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n");
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
