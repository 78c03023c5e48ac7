package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.dossier.OrganisationTypes;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.error.TooManyRequestsException;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;
import org.liasse.api.identity.Account;
import org.liasse.api.identity.AccountChanges;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.ApiToken;
import org.liasse.api.identity.Authenticator;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.CreatedAccount;
import org.liasse.api.identity.Credentials;
import org.liasse.api.identity.IssuedToken;
import org.liasse.api.identity.Mailer;
import org.liasse.api.identity.NewAccount;
import org.liasse.api.identity.OperatorChanges;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.identity.Session;
import org.liasse.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts stored with JPA, Argon2id password hashes, server-side sessions and API tokens known only by their
 * SHA-256, lockout after repeated failures, and an audit entry for every security event. Also the core
 * {@link Authenticator} for session cookies and bearer tokens, and the {@code identity} health component.
 * It waits for its configuration ({@code etc/org.liasse.identity.cfg}), so that it starts once, with the bootstrap
 * password, and nobody can sign in before the first administrator exists.
 */
@Component(service = {AccountService.class, Authenticator.class, HealthIndicator.class}, configurationPid = IdentityConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IdentityConfig.class)
public class JpaAccountService implements AccountService, Authenticator, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(JpaAccountService.class);
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{3,80}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Last use of a credential is written at most this often (or twice per idle period, if shorter). */
    /** Roles over the whole server (operator accounts, plugins): a federation operator never holds them. */
    private static final Set<OperatorRole> NATIONAL_ROLES = Set.of(OperatorRole.SUPER_ADMIN, OperatorRole.PLUGIN_MANAGER);
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(15);

    private final JpaStore store;
    private final AccountFactory factory;
    private final AuditLog audit;
    private final PluginRegistry plugins;
    private final IdentityConfig config;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy = PasswordPolicy.shipped();
    private final LoginThrottle throttle;
    private final String bootstrapRefusal;
    private final PasswordResets resets;
    /** Sends reset links after the answer, and retries the ones the mail server refused. */
    private final ScheduledExecutorService worker;

    /** Wires storage, mail and audit. */
    @Activate
    public JpaAccountService(@Reference JpaStore store, @Reference AccountFactory factory, @Reference Mailer mailer,
                             @Reference AuditLog audit, @Reference PluginRegistry plugins, IdentityConfig config) {
        this.store = store;
        this.plugins = plugins;
        this.factory = factory;
        this.audit = audit;
        this.config = config;
        this.hasher = new PasswordHasher(Math.max(config.argon2_memory_kib(), PasswordHasher.DEFAULT_MEMORY_KIB), 1);
        this.throttle = new LoginThrottle(config.lockout_attempts(), Duration.ofSeconds(config.lockout_window_seconds()));
        this.resets = new PasswordResets(store, mailer, config);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "liasse-password-resets"));
        this.bootstrapRefusal = bootstrap(config.bootstrap_password());
        worker.scheduleWithFixedDelay(this::drainResets, config.reset_retry_seconds(), config.reset_retry_seconds(),
            TimeUnit.SECONDS);
    }

    /** Handles the reset requests due; a failure (database down) is logged, and the next run tries again. */
    private void drainResets() {
        try {
            resets.drain(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("File des demandes de réinitialisation non traitée : {}", e.getMessage());
        }
    }

    /** Stops the reset worker; requests left in the queue are handled at the next start. */
    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    /**
     * Creates the first super-administrator {@code admin} when a bootstrap password is set and none exists. A
     * password the policy refuses creates no account and does not stop the component: the reason, in French, is
     * logged and shown by health.
     *
     * @return why the bootstrap password was refused, or {@code null}
     */
    private String bootstrap(String password) {
        if (password == null || password.isBlank()) {
            return null;
        }
        boolean exists = store.inTransaction(em -> em.createQuery("SELECT u.operatorRoles FROM UserEntity u "
            + "WHERE u.operatorRoles IS NOT NULL", String.class).getResultList().stream()
            .anyMatch(roles -> roles.contains(OperatorRole.SUPER_ADMIN.name())));
        if (exists) {
            return null;
        }
        try {
            policy.check(password, "admin");
        } catch (LiasseException e) {
            String refusal = "compte admin non créé car LIASSE_ADMIN_PASSWORD (bootstrap.password) ne respecte pas "
                + "la politique des mots de passe (" + e.errors().stream()
                .map(error -> error.message().replaceAll("\\.$", "")).collect(Collectors.joining(" ; ")) + ")";
            LOG.warn("Premier super-administrateur : {}. Corrigez le réglage puis redémarrez.", refusal);
            return refusal;
        }
        String hash = hasher.hash(password);
        store.inTransaction(em -> {
            UserEntity admin = new UserEntity("admin", "Super-administrateur", "Plateforme", "", null, null, null, Set.of(),
                Set.of(OperatorRole.SUPER_ADMIN), now());
            admin.password(hash);
            em.persist(admin);
            JdbcAuditLog.append(em, new AuditEvent("compte.amorce", "systeme", null, null, "admin",
                "premier super-administrateur créé"));
            return null;
        });
        return null;
    }

    @Override
    public String component() {
        return "identity";
    }

    @Override
    public HealthStatus check() {
        return HealthStatus.up("Comptes, sessions et jetons disponibles"
            + (bootstrapRefusal == null ? "" : " ; " + bootstrapRefusal + "."));
    }

    // ---- sign-in and sessions

    /**
     * Signs in. Failures are counted per account (whatever the case the login was typed in), per unknown login and
     * per address, in the database. An unknown login, an account not activated yet and a wrong password cost the
     * same: one password hash and the same writes.
     */
    @Override
    public Session login(String login, String password, String remoteAddress) {
        Instant now = Instant.now();
        Optional<UserEntity> user = login == null ? Optional.empty() : findByLogin(login);
        String accountKey = user.map(u -> LoginThrottle.account(u.id()))
            .orElse(LoginThrottle.unknownLogin(login == null ? "" : UserEntity.key(login)));
        String addressKey = LoginThrottle.address(remoteAddress);
        String siren = user.map(UserEntity::siren).orElse(null);
        if (!verifyThrottled(accountKey, addressKey, password, user.map(UserEntity::passwordHash).orElse(null), now,
            new AuditEvent("connexion.echouee", "anonyme", remoteAddress, siren, login, null))) {
            throw new LiasseException(401, "identifiants-invalides", "Identifiant ou mot de passe incorrect.");
        }
        UserEntity account = user.get();
        if (!account.active()) {
            audit.record(new AuditEvent("connexion.refusee-inactif", account.login(), remoteAddress, siren, login, null));
            throw new LiasseException(403, "compte-inactif", "Ce compte est désactivé ; adressez-vous à votre administrateur.");
        }
        String token = Secrets.newSecret("ses_");
        String csrf = Secrets.newSecret("");
        store.inTransaction(em -> {
            throttle.succeeded(em, accountKey);
            em.persist(new CredentialEntity(Secrets.hash(token), account.id(), CredentialEntity.Purpose.SESSION, null,
                csrf, now, now.plus(Duration.ofHours(config.session_absolute_hours()))));
            JdbcAuditLog.append(em, new AuditEvent("connexion.reussie", account.login(), remoteAddress, siren, login, null));
            return null;
        });
        return new Session(token, csrf, account.toAccount());
    }

    @Override
    public void reauthenticate(Caller caller, String password, String remoteAddress) {
        if (password == null || password.isEmpty()) {
            throw new LiasseException(403, "reauthentification-requise", "Saisissez de nouveau votre mot de passe "
                + "pour confirmer qu'il s'agit bien de vous.");
        }
        String hash = store.inTransaction(em -> em.find(UserEntity.class, caller.userId())).passwordHash();
        if (!verifyThrottled(LoginThrottle.account(caller.userId()), LoginThrottle.address(remoteAddress), password,
            hash, Instant.now(), new AuditEvent("reauthentification.echouee", caller.login(), remoteAddress,
                caller.siren(), caller.login(), null))) {
            throw new LiasseException(403, "reauthentification-requise", "Mot de passe incorrect : rien n'a été "
                + "signé. Saisissez de nouveau votre mot de passe actuel.");
        }
    }

    /**
     * Checks a password against a hash unless the account or the address is locked out (429); a wrong password is
     * counted against both, audited with the given failure, and may lock them. Returns whether it matched.
     */
    private boolean verifyThrottled(String accountKey, String addressKey, String password, String hash, Instant now,
                                    AuditEvent failure) {
        Optional<Duration> wait = store.inTransaction(em -> throttle.locked(em, accountKey, now)
            .or(() -> throttle.locked(em, addressKey, now)));
        if (wait.isPresent()) {
            audit.record(new AuditEvent("connexion.refusee-verrouillage", failure.actor(), failure.remoteAddress(),
                null, failure.target(), null));
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            throw new TooManyRequestsException("trop-de-tentatives", "Trop de tentatives de connexion : réessayez dans "
                + seconds + " secondes.", seconds);
        }
        if (hasher.verify(password, hash)) {
            return true;
        }
        store.inTransaction(em -> {
            boolean locked = throttle.failed(em, accountKey, now) | throttle.failed(em, addressKey, now);
            JdbcAuditLog.append(em, failure);
            if (locked) {
                JdbcAuditLog.append(em, new AuditEvent("verrouillage", "systeme", failure.remoteAddress(),
                    failure.siren(), failure.target(), "connexion verrouillée après " + config.lockout_attempts()
                        + " échecs"));
            }
            return null;
        });
        return false;
    }

    @Override
    public Optional<Session> session(String token) {
        return store.inTransaction(em -> live(em, token, CredentialEntity.Purpose.SESSION)
            .map(c -> new Session(token, c.csrfToken(), em.find(UserEntity.class, c.userId()).toAccount())));
    }

    @Override
    public void logout(String token, String remoteAddress) {
        store.inTransaction(em -> {
            live(em, token, CredentialEntity.Purpose.SESSION).ifPresent(c -> {
                c.consume(Instant.now());
                String login = em.find(UserEntity.class, c.userId()).login();
                JdbcAuditLog.append(em, new AuditEvent("deconnexion", login, remoteAddress, null, login, null));
            });
            return null;
        });
    }

    @Override
    public Optional<Caller> authenticate(Credentials credentials) {
        Optional<Caller> bearer = credentials.bearerToken().flatMap(t -> store.inTransaction(em ->
            live(em, t, CredentialEntity.Purpose.API).map(c -> em.find(UserEntity.class, c.userId()))))
            .filter(UserEntity::active).map(u -> u.toAccount().caller());
        if (bearer.isPresent()) {
            return bearer;
        }
        return credentials.sessionToken().flatMap(this::session).map(Session::account).filter(Account::active)
            .map(Account::caller);
    }

    /** A usable credential of that purpose; sessions also expire when idle, and are touched at most once a minute. */
    private Optional<CredentialEntity> live(EntityManager em, String secret, CredentialEntity.Purpose purpose) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        List<CredentialEntity> found = em.createQuery("SELECT c FROM CredentialEntity c WHERE c.tokenHash = :hash",
            CredentialEntity.class).setParameter("hash", Secrets.hash(secret)).getResultList();
        Optional<CredentialEntity> credential = found.stream().filter(c -> c.purpose() == purpose && c.usable(now))
            .findFirst();
        if (credential.isPresent() && purpose == CredentialEntity.Purpose.SESSION
            && credential.get().idleSince(now.minus(Duration.ofSeconds(config.session_idle_seconds())))) {
            credential.get().consume(now);
            return Optional.empty();
        }
        Duration touchEvery = Collections.min(List.of(TOUCH_EVERY, Duration.ofSeconds(config.session_idle_seconds()).dividedBy(2)));
        credential.filter(c -> c.idleSince(now.minus(touchEvery))).ifPresent(c -> c.touch(now));
        return credential;
    }

    // ---- passwords

    @Override
    public void changePassword(Caller caller, String sessionToken, String currentPassword, String newPassword,
                               boolean revokeTokens, String remoteAddress) {
        UserEntity user = store.inTransaction(em -> em.find(UserEntity.class, caller.userId()));
        if (!hasher.verify(currentPassword, user.passwordHash())) {
            audit.record(new AuditEvent("mot-de-passe.changement-refuse", caller.login(), remoteAddress, caller.siren(),
                caller.login(), null));
            throw new LiasseException(403, "mot-de-passe-actuel-incorrect", "Le mot de passe actuel est incorrect.");
        }
        policy.check(newPassword, user.login());
        String hash = hasher.hash(newPassword);
        store.inTransaction(em -> {
            em.find(UserEntity.class, caller.userId()).password(hash);
            String ended = endCredentials(em, caller.userId(), sessionToken, revokeTokens);
            JdbcAuditLog.append(em, new AuditEvent("mot-de-passe.change", caller.login(), remoteAddress, caller.siren(),
                caller.login(), ended));
            return null;
        });
    }

    /**
     * Ends the user's sessions but the one given, its unused reset links and, when asked, its API tokens, after its
     * password changed: whoever knew the old password keeps nothing. Returns what was ended, for the audit entry.
     */
    private static String endCredentials(EntityManager em, long userId, String keptSession, boolean revokeTokens) {
        List<String> purposes = new ArrayList<>(List.of(CredentialEntity.Purpose.SESSION.name(),
            CredentialEntity.Purpose.RESET.name()));
        if (revokeTokens) {
            purposes.add(CredentialEntity.Purpose.API.name());
        }
        int ended = em.createQuery("UPDATE CredentialEntity c SET c.usedAt = :now WHERE c.userId = :user "
                + "AND c.usedAt IS NULL AND c.purpose IN :purposes AND c.tokenHash <> :kept")
            .setParameter("now", Timestamp.from(Instant.now())).setParameter("user", userId)
            .setParameter("purposes", purposes)
            .setParameter("kept", keptSession == null ? "" : Secrets.hash(keptSession)).executeUpdate();
        return FrenchFormat.count(ended, "session ou lien de réinitialisation fermé",
            "sessions et liens de réinitialisation fermés") + (revokeTokens ? ", jetons d'API révoqués"
            : ", jetons d'API conservés");
    }

    @Override
    public void requestPasswordReset(String identifier, String remoteAddress) {
        if (identifier == null || identifier.isBlank()) {
            throw LiasseException.invalid("identifiant-manquant", "Indiquez votre identifiant ou votre adresse électronique.",
                List.of(new FieldError("identifier", "obligatoire", "Ce champ est obligatoire.")));
        }
        resets.enqueue(identifier.strip(), remoteAddress, Instant.now());
        worker.execute(this::drainResets);
    }

    @Override
    public void resetPassword(String token, String password, boolean revokeTokens, String remoteAddress) {
        setPasswordWith(token, CredentialEntity.Purpose.RESET, password, revokeTokens, remoteAddress,
            "mot-de-passe.reinitialise");
    }

    @Override
    public void activate(String code, String password, String remoteAddress) {
        setPasswordWith(code, CredentialEntity.Purpose.ACTIVATION, password, true, remoteAddress, "compte.active");
    }

    private void setPasswordWith(String secret, CredentialEntity.Purpose purpose, String password, boolean revokeTokens,
                                 String remoteAddress, String action) {
        UserEntity user = store.inTransaction(em -> live(em, secret, purpose).map(c -> em.find(UserEntity.class, c.userId())))
            .orElseThrow(() -> {
                audit.record(new AuditEvent(action + "-refuse", "anonyme", remoteAddress, null, null, "jeton invalide"));
                return new LiasseException(400, "jeton-invalide",
                    "Ce lien n'est pas valable : il a expiré ou a déjà servi. Demandez-en un nouveau.");
            });
        policy.check(password, user.login());
        String hash = hasher.hash(password);
        store.inTransaction(em -> {
            CredentialEntity credential = live(em, secret, purpose).orElseThrow(() ->
                new LiasseException(400, "jeton-invalide", "Ce lien a déjà servi."));
            credential.consume(Instant.now());
            em.find(UserEntity.class, user.id()).password(hash);
            String ended = endCredentials(em, user.id(), null, revokeTokens);
            JdbcAuditLog.append(em, new AuditEvent(action, user.login(), remoteAddress, user.siren(), user.login(), ended));
            return null;
        });
    }

    // ---- API tokens

    @Override
    public List<ApiToken> tokens(Caller caller) {
        Instant now = Instant.now();
        return store.inTransaction(em -> em.createQuery("SELECT c FROM CredentialEntity c WHERE c.userId = :user "
                + "AND c.purpose = 'API' ORDER BY c.id", CredentialEntity.class).setParameter("user", caller.userId())
            .getResultList().stream().filter(c -> c.usable(now)).map(CredentialEntity::toApiToken).toList());
    }

    @Override
    public IssuedToken createToken(Caller caller, String label, int days) {
        if (label == null || label.isBlank() || label.length() > 100 || days < 1 || days > 366) {
            throw LiasseException.invalid("jeton-invalide", "Donnez un libellé (100 caractères au plus) et une durée de 1 à 366 jours.",
                List.of(new FieldError(label == null || label.isBlank() ? "label" : "days", "invalide", "Valeur invalide.")));
        }
        String secret = Secrets.newSecret("lia_");
        Instant now = Instant.now();
        ApiToken token = store.inTransaction(em -> {
            CredentialEntity credential = new CredentialEntity(Secrets.hash(secret), caller.userId(),
                CredentialEntity.Purpose.API, label.strip(), null, now, now.plus(Duration.ofDays(days)));
            em.persist(credential);
            JdbcAuditLog.append(em, new AuditEvent("jeton.cree", caller.login(), null, caller.siren(), label,
                "valable " + days + " jours"));
            return credential.toApiToken();
        });
        return new IssuedToken(token, secret);
    }

    @Override
    public void revokeToken(Caller caller, long id) {
        store.inTransaction(em -> {
            CredentialEntity credential = em.find(CredentialEntity.class, id);
            if (credential == null || credential.userId() != caller.userId()
                || credential.purpose() != CredentialEntity.Purpose.API) {
                throw LiasseException.notFound("jeton-inconnu", "Aucun jeton " + id + " pour ce compte.");
            }
            credential.consume(Instant.now());
            JdbcAuditLog.append(em, new AuditEvent("jeton.revoque", caller.login(), null, caller.siren(), Long.toString(id),
                null));
            return null;
        });
    }

    // ---- user administration

    @Override
    public Optional<Account> account(long id) {
        return store.inTransaction(em -> Optional.ofNullable(em.find(UserEntity.class, id)).map(UserEntity::toAccount));
    }

    @Override
    public Optional<Account> account(String login) {
        return findByLogin(login).map(UserEntity::toAccount);
    }

    @Override
    public List<Account> users(String siren) {
        return store.inTransaction(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.siren = :siren ORDER BY u.login",
            UserEntity.class).setParameter("siren", siren).getResultList().stream().map(UserEntity::toAccount).toList());
    }

    @Override
    public CreatedAccount createUser(Caller by, String siren, NewAccount account) {
        Rights.Profile profile = validate(account, true, true);
        return store.inTransaction(em -> {
            if (em.find(OrganisationEntity.class, siren) == null) {
                throw LiasseException.notFound("organisation-inconnue", "Aucune organisation de SIREN " + siren + ".");
            }
            return factory.create(em, new UserEntity(account.login().strip(), account.firstName().strip(),
                account.lastName().strip(), account.email().strip(), siren, null, profile.code(), profile.rights(), Set.of(),
                now()), by.login());
        });
    }

    @Override
    public CreatedAccount issueActivation(Caller by, String siren, long id, String email) {
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            throw LiasseException.invalid("courriel-invalide", "Adresse électronique invalide.",
                List.of(new FieldError("email", "courriel-invalide", "Adresse électronique invalide.")));
        }
        CreatedAccount issued = store.inTransaction(em -> {
            UserEntity user = em.find(UserEntity.class, id);
            if (user == null || !siren.equals(user.siren())) {
                throw LiasseException.notFound("utilisateur-inconnu", "Aucun utilisateur " + id + " dans cette organisation.");
            }
            if (user.passwordHash() != null) {
                throw LiasseException.conflict("deja-active", "Ce compte est déjà activé : utilisez la réinitialisation du mot de passe.");
            }
            if (email != null && !email.isBlank()) {
                user.email(email.strip());
            }
            CreatedAccount created = factory.issue(em, user);
            JdbcAuditLog.append(em, new AuditEvent("compte.code-active-emis", by.login(), null, siren, user.login(), null));
            return created;
        });
        return issued;
    }

    @Override
    public CreatedAccount createOperator(Caller by, NewAccount account, String federation, Set<OperatorRole> roles) {
        validate(account, true, false);
        checkOperator(by, federation, roles);
        return store.inTransaction(em -> factory.create(em, new UserEntity(account.login().strip(),
            account.firstName().strip(), account.lastName().strip(), account.email().strip(), null, federation, null,
            Set.of(), roles, now()), by.login()));
    }

    @Override
    public List<Account> operators() {
        return store.inTransaction(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.siren IS NULL ORDER BY u.login",
            UserEntity.class).getResultList().stream().map(UserEntity::toAccount)
            .filter(account -> !account.operatorRoles().isEmpty()).toList());
    }

    @Override
    public Account updateOperator(Caller by, long id, long revision, OperatorChanges changes) {
        checkOperator(by, changes.federation(), changes.roles());
        return store.inTransaction(em -> {
            UserEntity user = em.find(UserEntity.class, id);
            if (user == null || user.siren() != null || user.toAccount().operatorRoles().isEmpty()) {
                throw LiasseException.notFound("operateur-inconnu", "Aucun compte opérateur " + id + ".");
            }
            if (user.revision() != revision) {
                throw LiasseException.conflict("revision-perimee", "Ce compte a été modifié entre-temps : rechargez la page.");
            }
            if (!stillSuperAdmin(changes) && otherActiveSuperAdmins(em, id) == 0) {
                throw LiasseException.conflict("dernier-super-administrateur", "Ce compte est le dernier "
                    + "super-administrateur actif : nommez-en un autre avant de lui retirer ce rôle ou de le désactiver.");
            }
            user.operator(changes.federation(), changes.roles(), changes.active());
            String ended = changes.active() ? "" : " ; " + endCredentials(em, id, null, true);
            JdbcAuditLog.append(em, new AuditEvent("operateur.modifie", by.login(), null, null, user.login(),
                (changes.active() ? "actif" : "désactivé") + ", périmètre " + (changes.federation() == null ? "national"
                    : changes.federation()) + ", rôles " + new TreeSet<>(changes.roles()) + ended));
            return user.toAccount();
        });
    }

    private static boolean stillSuperAdmin(OperatorChanges changes) {
        return changes.active() && changes.roles().contains(OperatorRole.SUPER_ADMIN);
    }

    private static long otherActiveSuperAdmins(EntityManager em, long id) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.siren IS NULL AND u.active = TRUE AND u.id <> :id",
                UserEntity.class).setParameter("id", id).getResultList().stream()
            .filter(u -> u.toAccount().operatorRoles().contains(OperatorRole.SUPER_ADMIN)).count();
    }

    /** The rules an operator's perimeter and roles follow, whoever sets them. */
    private static void checkOperator(Caller by, String federation, Set<OperatorRole> roles) {
        if (roles.isEmpty()) {
            throw LiasseException.invalid("roles-manquants", "Un opérateur a au moins un rôle.", List.of());
        }
        if (federation != null && !OrganisationTypes.FEDERATIONS.contains(federation)) {
            throw LiasseException.invalid("federation-inconnue", "Fédération inconnue « " + federation
                + " » ; valeurs possibles : " + String.join(", ", OrganisationTypes.FEDERATIONS) + ".", List.of());
        }
        if (by.federation() != null && !by.federation().equals(federation)) {
            throw new LiasseException(403, "acces-refuse", "Vous ne pouvez gérer que des opérateurs de votre "
                + "fédération (" + by.federation() + ").");
        }
        if (federation != null && roles.stream().anyMatch(NATIONAL_ROLES::contains)) {
            throw LiasseException.invalid("role-national", "Les rôles de super-administrateur et de gestionnaire des "
                + "plugins portent sur tout le serveur : ils sont réservés aux opérateurs nationaux.", List.of());
        }
    }

    @Override
    public Account updateUser(Caller by, String siren, long id, long revision, AccountChanges changes) {
        Rights.Profile profile = validate(new NewAccount(null, changes.firstName(), changes.lastName(),
            changes.email(), changes.profile()), false, true);
        Account updated = store.inTransaction(em -> {
            UserEntity user = userOf(em, siren, id, revision);
            if (!changes.active() && user.id() == by.userId()) {
                throw LiasseException.conflict("auto-desactivation", "Vous ne pouvez pas désactiver votre propre compte.");
            }
            user.details(changes.firstName().strip(), changes.lastName().strip(), changes.email().strip(), profile.code(),
                changes.active());
            JdbcAuditLog.append(em, new AuditEvent("utilisateur.modifie", by.login(), null, siren, user.login(),
                (changes.active() ? "actif" : "désactivé") + ", profil " + profile.code()));
            return user.toAccount();
        });
        return updated;
    }

    @Override
    public Account setRights(Caller by, String siren, long id, long revision, Set<String> rights) {
        Set<String> known = Rights.CORE.stream().map(Rights.Right::code).collect(Collectors.toCollection(HashSet::new));
        plugins.rights().forEach(r -> known.add(r.code()));
        List<FieldError> unknown = rights.stream().filter(r -> !known.contains(r)).sorted()
            .map(r -> new FieldError("rights", "droit-inconnu", "Droit inconnu : « " + r + " ».")).toList();
        if (!unknown.isEmpty()) {
            throw LiasseException.invalid("droit-inconnu", "Un droit demandé n'existe pas.", unknown);
        }
        return store.inTransaction(em -> {
            UserEntity user = userOf(em, siren, id, revision);
            if (user.id() == by.userId() && !rights.contains(Rights.MANAGE_USERS) && user.rights().contains(Rights.MANAGE_USERS)) {
                throw LiasseException.conflict("auto-retrait", "Vous ne pouvez pas retirer votre propre droit de gérer les utilisateurs.");
            }
            Set<String> before = user.rights();
            user.rights(rights);
            JdbcAuditLog.append(em, new AuditEvent("droits.modifies", by.login(), null, siren, user.login(),
                "avant " + new TreeSet<>(before) + " ; après " + new TreeSet<>(rights)));
            return user.toAccount();
        });
    }

    private static UserEntity userOf(EntityManager em, String siren, long id, long revision) {
        UserEntity user = em.find(UserEntity.class, id);
        if (user == null || !siren.equals(user.siren())) {
            throw LiasseException.notFound("utilisateur-inconnu", "Aucun utilisateur " + id + " dans cette organisation.");
        }
        if (user.revision() != revision) {
            throw LiasseException.conflict("revision-perimee", "Ce compte a été modifié entre-temps : rechargez la page.");
        }
        return user;
    }

    /** The account of that login, whatever its case. */
    private Optional<UserEntity> findByLogin(String login) {
        return store.inTransaction(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.loginKey = :key",
            UserEntity.class).setParameter("key", UserEntity.key(login)).getResultList().stream().findFirst());
    }

    /** Checks names and email, and the login and profile when asked; returns the profile, or {@code null}. */
    private static Rights.Profile validate(NewAccount account, boolean withLogin, boolean withProfile) {
        List<FieldError> errors = new ArrayList<>();
        if (withLogin && (account.login() == null || !LOGIN.matcher(account.login().strip()).matches())) {
            errors.add(new FieldError("login", "identifiant-invalide",
                "De 3 à 80 caractères : lettres, chiffres, point, tiret ou souligné."));
        }
        if (account.firstName() == null || account.firstName().isBlank()) {
            errors.add(new FieldError("firstName", "obligatoire", "Le prénom est obligatoire."));
        }
        if (account.lastName() == null || account.lastName().isBlank()) {
            errors.add(new FieldError("lastName", "obligatoire", "Le nom est obligatoire."));
        }
        if (account.email() == null || !EMAIL.matcher(account.email().strip()).matches()) {
            errors.add(new FieldError("email", "courriel-invalide", "Adresse électronique invalide."));
        }
        Optional<Rights.Profile> profile = withProfile ? Rights.profile(account.profile()) : Optional.empty();
        if (withProfile && profile.isEmpty()) {
            errors.add(new FieldError("profile", "profil-inconnu", "Profil inconnu."));
        }
        if (!errors.isEmpty()) {
            throw LiasseException.invalid("compte-invalide", "Le compte n'est pas valide : corrigez les champs signalés.", errors);
        }
        return profile.orElse(null);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
