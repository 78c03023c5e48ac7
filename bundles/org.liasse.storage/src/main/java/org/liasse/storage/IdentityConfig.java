package org.liasse.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of accounts and sign-in ({@code etc/org.liasse.identity.cfg}). */
@ObjectClassDefinition(name = "Liasse identity")
public @interface IdentityConfig {

    /** Configuration PID shared by the identity components. */
    String PID = "org.liasse.identity";

    /** Show activation codes to the operator instead of only emailing them (demo mode only). */
    @AttributeDefinition(description = "Afficher les codes d'activation (démonstration uniquement)")
    boolean show_activation_codes() default false;

    /** Failed sign-ins allowed per login or address within the window. */
    @AttributeDefinition(description = "Échecs de connexion tolérés par fenêtre")
    int lockout_attempts() default 5;

    /** Length of the lockout window, in seconds. */
    @AttributeDefinition(description = "Fenêtre de verrouillage (secondes)")
    long lockout_window_seconds() default 900;

    /** A session unused for this long expires. */
    @AttributeDefinition(description = "Expiration d'une session inactive (secondes)")
    long session_idle_seconds() default 1800;

    /** A session expires this long after sign-in, whatever its use. */
    @AttributeDefinition(description = "Durée maximale d'une session (heures)")
    long session_absolute_hours() default 12;

    /** Validity of a password reset link. */
    @AttributeDefinition(description = "Validité d'un lien de réinitialisation (minutes)")
    long reset_token_minutes() default 60;

    /** Delay before a reset link whose mail failed is tried again (doubled at each try, an hour at most). */
    @AttributeDefinition(description = "Délai avant un nouvel essai d'envoi d'un lien de réinitialisation (secondes)")
    long reset_retry_seconds() default 30;

    /** Validity of an activation code. */
    @AttributeDefinition(description = "Validité d'un code d'activation (jours)")
    long activation_days() default 14;

    /** Argon2id memory, in KiB (at least 47 MiB by OWASP). */
    @AttributeDefinition(description = "Mémoire Argon2id (Kio)")
    int argon2_memory_kib() default PasswordHasher.DEFAULT_MEMORY_KIB;

    /**
     * Password of the first super-administrator {@code admin}, created at start when no super-administrator exists
     * (set it through the {@code LIASSE_ADMIN_PASSWORD} environment variable; empty: none is created).
     */
    @AttributeDefinition(description = "Mot de passe du premier super-administrateur « admin »",
        type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String bootstrap_password() default "";

    /** Public address of the web UI, used in emailed links. */
    @AttributeDefinition(description = "Adresse publique de l'interface, pour les liens envoyés par courriel")
    String public_url() default "http://localhost:8181";
}
