package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.error.LiasseException;
import org.liasse.api.error.TooManyRequestsException;
import org.liasse.api.identity.Account;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.Credentials;
import org.liasse.api.identity.Mailer;
import org.liasse.api.identity.NewAccount;
import org.liasse.api.identity.OperatorChanges;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Session;

/**
 * The attacks of issue 19 on accounts, against the real service and persistence unit on Derby: logins differing
 * only by case, lockouts dodged by case or by a restart, sessions and links that outlive a password change, and
 * reset requests whose answer or mail server reveal whether an account exists.
 */
class AccountSecurityTest {

    private static final String ADMIN_PASSWORD = "Phrase de passe du tout premier compte";
    private static final String PASSWORD = "Une phrase de passe assez longue";
    private static final String RENEWED = "Un autre mot de passe bien long";
    private static final Pattern LINK = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    @TempDir
    Path dir;

    private final RecordingMailer mailer = new RecordingMailer();
    private final IdentityConfig config = config(Map.of("bootstrap_password", ADMIN_PASSWORD,
        "show_activation_codes", true, "lockout_attempts", 3));
    private EmbeddedDataSource dataSource;
    private JpaStore store;
    private JpaAccountService service;
    private PasswordResets resets;
    private Caller admin;

    @BeforeEach
    void start() throws SQLException {
        dataSource = Derby.empty(dir);
        restart();
        admin = service.login("admin", ADMIN_PASSWORD, "192.0.2.1").account().caller();
    }

    @AfterEach
    void stop() {
        service.deactivate();
    }

    /** A new persistence unit and service over the same database, as after a restart of the platform. */
    private void restart() throws SQLException {
        if (service != null) {
            service.deactivate();
        }
        store = Derby.store(dataSource);
        JdbcAuditLog audit = new JdbcAuditLog(dataSource, store);
        service = new JpaAccountService(store, new AccountFactory(mailer, config), mailer, audit, null, config);
        resets = new PasswordResets(store, mailer, config);
    }

    @Test
    void aLoginDifferingOnlyByCaseIsRefusedAndAnyCaseSignsIn() {
        operator("operateur.demo");
        LiasseException refused = assertThrows(LiasseException.class, () -> service.createOperator(admin,
            new NewAccount("OPERATEUR.DEMO", "Autre", "Opérateur", "autre@example.org", null), null,
            Set.of(OperatorRole.SUPPORT)));
        assertEquals(409, refused.status());
        assertEquals("identifiant-existant", refused.code());
        assertEquals("operateur.demo", service.login("OPERATEUR.DEMO", PASSWORD, "192.0.2.2").account().login());
    }

    @Test
    void failuresTypedInAnyCaseLockTheAccountAndTheLockSurvivesARestart() throws SQLException {
        operator("victim.two");
        List<String> typed = List.of("VICTIM.TWO", "victim.two", "Victim.Two");
        for (int i = 0; i < typed.size(); i++) {
            String login = typed.get(i);
            String address = "192.0.2." + (10 + i);
            assertEquals("identifiants-invalides", assertThrows(LiasseException.class,
                () -> service.login(login, "pas le bon mot de passe", address)).code());
        }
        assertThrows(TooManyRequestsException.class, () -> service.login("victim.two", PASSWORD, "192.0.2.20"),
            "three failures in three cases from three addresses lock the one account");
        restart();
        assertThrows(TooManyRequestsException.class, () -> service.login("VICTIM.TWO", PASSWORD, "192.0.2.21"),
            "the lockout is stored, not forgotten by a restart");
    }

    @Test
    void aWrongPasswordBeforeSigningCountsAsAFailedSignInAndLocksTheAccount() {
        Caller signer = operator("signataire.demo");
        service.reauthenticate(signer, PASSWORD, "192.0.2.40");
        for (String typed : new String[] {null, ""}) {
            assertEquals("reauthentification-requise", assertThrows(LiasseException.class,
                () -> service.reauthenticate(signer, typed, "192.0.2.40")).code(), "missing: not counted");
        }
        for (int i = 0; i < 3; i++) {
            LiasseException wrong = assertThrows(LiasseException.class,
                () -> service.reauthenticate(signer, "pas le bon mot de passe", "192.0.2.41"));
            assertEquals(403, wrong.status());
            assertEquals("reauthentification-requise", wrong.code());
        }
        assertThrows(TooManyRequestsException.class, () -> service.reauthenticate(signer, PASSWORD, "192.0.2.42"),
            "three wrong passwords lock the account, even for the right one");
        assertThrows(TooManyRequestsException.class, () -> service.login("signataire.demo", PASSWORD, "192.0.2.43"),
            "the same lockout as the sign-in");
    }

    @Test
    void anUnknownLoginAndAnAccountNotActivatedAnswerAndLockLikeAWrongPassword() {
        service.createOperator(admin, new NewAccount("pas.active", "Pas", "Activé", "pas.active@example.org", null),
            null, Set.of(OperatorRole.SUPPORT));
        for (String login : List.of("pas.active", "personne.inconnue", "x".repeat(5000))) {
            for (int i = 0; i < 3; i++) {
                LiasseException failed = assertThrows(LiasseException.class,
                    () -> service.login(login, PASSWORD, "198.51.100." + login.length()));
                assertEquals(401, failed.status());
                assertEquals("identifiants-invalides", failed.code());
            }
            assertThrows(TooManyRequestsException.class, () -> service.login(login, PASSWORD, "203.0.113.1"));
        }
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndResetLinksAndRevokesTokensOnlyWhenAsked() {
        Caller user = operator("change.demo");
        Session current = service.login("change.demo", PASSWORD, "192.0.2.30");
        Session other = service.login("change.demo", PASSWORD, "192.0.2.31");
        String token = service.createToken(user, "script", 30).secret();
        String link = resetLink("change.demo");

        service.changePassword(user, current.token(), PASSWORD, RENEWED, false, "192.0.2.30");
        assertTrue(service.session(current.token()).isPresent(), "the session the change is made from stays open");
        assertTrue(service.session(other.token()).isEmpty(), "every other session ends");
        assertTrue(bearer(token).isPresent(), "tokens are kept when the user says so");
        assertEquals("jeton-invalide", assertThrows(LiasseException.class,
            () -> service.resetPassword(link, PASSWORD + " bis", true, "192.0.2.32")).code());

        service.changePassword(user, current.token(), RENEWED, PASSWORD, true, "192.0.2.30");
        assertTrue(bearer(token).isEmpty(), "tokens are revoked when the user says so");
        assertTrue(service.session(current.token()).isPresent());
    }

    @Test
    void aResetEndsEverySessionAndANewLinkMakesTheOlderOneUnusable() {
        Caller user = operator("reset.demo");
        Session session = service.login("reset.demo", PASSWORD, "192.0.2.40");
        String token = service.createToken(user, "script", 30).secret();
        String older = resetLink("reset.demo");
        String newer = resetLink("RESET.DEMO");

        assertEquals("jeton-invalide", assertThrows(LiasseException.class,
            () -> service.resetPassword(older, RENEWED, true, "192.0.2.41")).code());
        service.resetPassword(newer, RENEWED, true, "192.0.2.41");
        assertTrue(service.session(session.token()).isEmpty());
        assertTrue(bearer(token).isEmpty());
        assertEquals("reset.demo", service.login("reset.demo", RENEWED, "192.0.2.42").account().login());
    }

    @Test
    void aResetRequestIsTheSameWorkWithOrWithoutAnAccountAndTheMailGoesAfterwards() {
        operator("reset.demo");
        mailer.sent.clear();
        resets.enqueue("reset.demo", "192.0.2.50", Instant.now());
        resets.enqueue("personne@example.org", "192.0.2.50", Instant.now());
        assertEquals(List.of(), mailer.sent, "nothing is mailed while answering");
        assertEquals(2L, queued());
        assertEquals(2, resets.drain(Instant.now()));
        assertEquals(List.of("reset.demo@example.org"), mailer.sent.stream().map(m -> m.to).toList());
        assertEquals(0L, queued());
    }

    @Test
    void aMailServerFailureKeepsNoLinkAndTheRequestIsRetriedLater() {
        operator("reset.demo");
        mailer.sent.clear();
        mailer.failing = true;
        Instant now = Instant.now();
        resets.enqueue("reset.demo", "192.0.2.60", now);
        resets.drain(now);
        assertEquals(1L, queued(), "put off, not lost");
        assertEquals(0L, unusedResetLinks(), "the link of the failed mail was rolled back");
        assertEquals(0, resets.drain(now.plusSeconds(1)), "not due again yet");

        mailer.failing = false;
        assertEquals(1, resets.drain(now.plus(resets.delay(1))));
        assertEquals(1, mailer.sent.size());
        assertEquals(0L, queued());
        assertEquals(1L, unusedResetLinks());
    }

    @Test
    void deactivatingAnOperatorEndsItsSessionsAndTokensAndReactivationLetsItSignInAgain() {
        Caller user = operator("depart.demo");
        Session session = service.login("depart.demo", PASSWORD, "192.0.2.70");
        String token = service.createToken(user, "script", 30).secret();
        long revision = service.account(user.userId()).orElseThrow().revision();

        Account off = service.updateOperator(admin, user.userId(), revision,
            new OperatorChanges("OPH", Set.of(OperatorRole.CAMPAIGN_MANAGER), false));
        assertEquals("OPH", off.federation());
        assertEquals(Set.of(OperatorRole.CAMPAIGN_MANAGER), off.operatorRoles());
        assertTrue(service.session(session.token()).isEmpty(), "the open session ends");
        assertTrue(bearer(token).isEmpty(), "the API token is revoked");
        assertEquals(403, assertThrows(LiasseException.class,
            () -> service.login("depart.demo", PASSWORD, "192.0.2.71")).status());
        assertEquals("revision-perimee", assertThrows(LiasseException.class, () -> service.updateOperator(admin,
            user.userId(), revision, new OperatorChanges(null, Set.of(OperatorRole.SUPPORT), true))).code());

        service.updateOperator(admin, user.userId(), off.revision(),
            new OperatorChanges("OPH", Set.of(OperatorRole.CAMPAIGN_MANAGER), true));
        assertEquals("depart.demo", service.login("depart.demo", PASSWORD, "192.0.2.72").account().login());
        assertEquals(List.of("admin", "depart.demo"), service.operators().stream().map(Account::login).toList());
    }

    @Test
    void theLastActiveSuperAdministratorKeepsTheRoleAndStaysActive() {
        long revision = service.account(admin.userId()).orElseThrow().revision();
        for (OperatorChanges change : List.of(new OperatorChanges(null, Set.of(OperatorRole.SUPPORT), true),
            new OperatorChanges(null, Set.of(OperatorRole.SUPER_ADMIN), false))) {
            LiasseException refused = assertThrows(LiasseException.class,
                () -> service.updateOperator(admin, admin.userId(), revision, change));
            assertEquals(409, refused.status());
            assertEquals("dernier-super-administrateur", refused.code());
        }
        assertEquals("role-national", assertThrows(LiasseException.class, () -> service.updateOperator(admin,
            admin.userId(), revision, new OperatorChanges("OPH", Set.of(OperatorRole.SUPER_ADMIN), true))).code());

        Caller other = operator("second.admin");
        service.updateOperator(admin, other.userId(), service.account(other.userId()).orElseThrow().revision(),
            new OperatorChanges(null, Set.of(OperatorRole.SUPER_ADMIN), true));
        Account demoted = service.updateOperator(admin, admin.userId(), revision,
            new OperatorChanges(null, Set.of(OperatorRole.SUPPORT), true));
        assertEquals(Set.of(OperatorRole.SUPPORT), demoted.operatorRoles(), "another super-administrator remains");
    }

    /** Creates and activates an operator; returns it as a caller. */
    private Caller operator(String login) {
        String code = service.createOperator(admin, new NewAccount(login, "Prénom", "Nom (FICTIF)", login + "@example.org",
            null), null, Set.of(OperatorRole.SUPPORT)).activationCode();
        service.activate(code, PASSWORD, "192.0.2.3");
        return service.account(login).orElseThrow().caller();
    }

    /** Asks for a reset link and returns the one mailed. */
    private String resetLink(String identifier) {
        resets.enqueue(identifier, "192.0.2.4", Instant.now());
        resets.drain(Instant.now());
        Matcher link = LINK.matcher(mailer.sent.get(mailer.sent.size() - 1).text);
        assertTrue(link.find());
        return link.group(1);
    }

    private Optional<Caller> bearer(String token) {
        return service.authenticate(new Credentials(Optional.empty(), Optional.of(token), "192.0.2.5"));
    }

    private long queued() {
        return count("SELECT COUNT(*) FROM password_reset_request");
    }

    private long unusedResetLinks() {
        return count("SELECT COUNT(*) FROM credential WHERE purpose = 'RESET' AND used_at IS NULL");
    }

    private long count(String sql) {
        return store.inJdbcTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The configuration's defaults, but for the values given. */
    static IdentityConfig config(Map<String, Object> values) {
        return (IdentityConfig) Proxy.newProxyInstance(IdentityConfig.class.getClassLoader(),
            new Class<?>[] {IdentityConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                case "annotationType" -> IdentityConfig.class;
                case "hashCode" -> 0;
                case "equals" -> proxy == args[0];
                case "toString" -> "IdentityConfig" + values;
                default -> values.getOrDefault(method.getName(), method.getDefaultValue());
            });
    }

    /** Keeps the messages; refuses them all while {@link #failing}, as an unreachable mail server would. */
    private static final class RecordingMailer implements Mailer {

        record Message(String to, String subject, String text) {
        }

        final List<Message> sent = new ArrayList<>();
        volatile boolean failing;

        @Override
        public synchronized void send(String to, String subject, String text) {
            if (failing) {
                throw new LiasseException(503, "courriel-indisponible", "Serveur de messagerie injoignable.");
            }
            sent.add(new Message(to, subject, text));
        }
    }
}
