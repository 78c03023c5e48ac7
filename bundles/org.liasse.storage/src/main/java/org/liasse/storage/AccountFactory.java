package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.persistence.EntityManager;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.CreatedAccount;
import org.liasse.api.identity.Mailer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates accounts inside the caller's transaction: stores the user, issues its single-use activation code and
 * emails it. When the email cannot be sent the transaction fails as a whole, so no account is left without a code.
 */
@Component(service = AccountFactory.class, configurationPid = IdentityConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AccountFactory {

    private final Mailer mailer;
    private final IdentityConfig config;

    /** Uses the configured mailer. */
    @Activate
    public AccountFactory(@Reference Mailer mailer, IdentityConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** Persists a new account and sends its activation code to its email, if it has one. */
    CreatedAccount create(EntityManager em, UserEntity user, String actor) {
        if (!em.createQuery("SELECT u.id FROM UserEntity u WHERE u.loginKey = :key", Long.class)
            .setParameter("key", UserEntity.key(user.login())).getResultList().isEmpty()) {
            throw LiasseException.conflict("identifiant-existant", "L'identifiant « " + user.login() + " » est déjà pris (sans tenir compte des majuscules).");
        }
        em.persist(user);
        em.flush();
        CreatedAccount created = issue(em, user);
        JdbcAuditLog.append(em, new AuditEvent("compte.cree", actor, null, user.siren(), user.login(),
            "compte créé, activation en attente"));
        return created;
    }

    /** Revokes earlier activation codes of the account, issues a new one and emails it, if the account has an email. */
    CreatedAccount issue(EntityManager em, UserEntity user) {
        em.createQuery("UPDATE CredentialEntity c SET c.usedAt = :now WHERE c.userId = :user AND c.purpose = 'ACTIVATION' "
            + "AND c.usedAt IS NULL").setParameter("now", Timestamp.from(Instant.now()))
            .setParameter("user", user.id()).executeUpdate();
        Instant now = Instant.now();
        String code = Secrets.newSecret("act_");
        em.persist(new CredentialEntity(Secrets.hash(code), user.id(), CredentialEntity.Purpose.ACTIVATION, null, null,
            now, now.plus(Duration.ofDays(config.activation_days()))));
        if (user.email() != null && !user.email().isBlank()) {
            mailer.send(user.email(), "Liasse : activez votre compte " + user.login(),
                "Bonjour,\n\nUn compte Liasse a été créé pour vous avec l'identifiant " + user.login() + ".\n"
                + "Choisissez votre mot de passe en ouvrant ce lien (valable " + config.activation_days() + " jours) :\n"
                + config.public_url() + "/activation.html?code=" + code + "\n\n"
                + "Si vous n'attendiez pas ce message, ignorez-le.\n");
        }
        return new CreatedAccount(user.toAccount(), config.show_activation_codes() ? code : null);
    }
}
