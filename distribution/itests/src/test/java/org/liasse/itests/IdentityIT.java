package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts on the real ministry assembly as in production: activation codes and reset links travel only by email
 * (a real SMTP server, GreenMail), passwords follow the policy, repeated failures lock the account for a while
 * whatever the case its login is typed in, a password change ends the other sessions, and a reset request answers
 * the same whether the account exists or the mail server is down.
 */
class IdentityIT {

    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String PASSWORD = "Une phrase de passe assez longue";
    private static final long LOCKOUT_SECONDS = 4;
    private static final long IDLE_SECONDS = 4;
    private static final Pattern LINK = Pattern.compile("/(activation|reinitialisation)\\.html\\?(code|jeton)=([A-Za-z0-9_-]+)");

    private static ServerSetup smtp;
    private static GreenMail mail;
    private static Distribution platform;
    private static Http admin;

    @BeforeAll
    static void start() throws Exception {
        smtp = new ServerSetup(Distribution.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        mail = new GreenMail(smtp);
        mail.start();
        platform = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD));
        platform.setProperty("etc/org.liasse.mail.cfg", "host", "127.0.0.1");
        platform.setProperty("etc/org.liasse.mail.cfg", "port", Integer.toString(mail.getSmtp().getPort()));
        platform.setProperty("etc/org.liasse.identity.cfg", "lockout.window.seconds", Long.toString(LOCKOUT_SECONDS));
        platform.setProperty("etc/org.liasse.identity.cfg", "session.idle.seconds", Long.toString(IDLE_SECONDS));
        platform.setProperty("etc/org.liasse.identity.cfg", "reset.retry.seconds", "1");
        platform.start();
        Await.until("health", 120_000, () -> platform.http().get("/health"), r -> r.status() == 200);
        admin = Http.token(platform.httpPort(), "admin", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
        mail.stop();
    }

    /** The secret in the last email sent to the address with a link to that page (activation or reinitialisation). */
    private static String secretMailedTo(String address, String page) {
        return Await.until(page + " email to " + address, 30_000, () -> {
            String secret = null;
            for (MimeMessage message : mail.getReceivedMessagesForDomain(address)) {
                Matcher link = LINK.matcher(content(message));
                if (link.find() && link.group(1).equals(page)) {
                    secret = link.group(3);
                }
            }
            return secret;
        }, s -> s != null);
    }

    private static String content(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (java.io.IOException | javax.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String createOrganisation(String siren, String email) {
        Http.Reply created = admin.post("/organisations", """
            {"siren":"%s","name":"Office courriel (FICTIF)","type":"OPH","federation":"OPH","region":"84","department":"69",
             "active":true,"administratorEmail":"%s"}
            """.formatted(siren, email));
        assertEquals(201, created.status(), created.body());
        assertEquals("AD_" + siren, created.json().path("administrator").path("login").asText());
        assertTrue(created.json().path("administrator").path("activationCode").isNull(), "codes are not shown outside demo mode");
        return secretMailedTo(email, "activation");
    }

    @Test
    void theAdministratorActivatesTheAccountFromTheEmailedLinkWithAStrongPassword() {
        String code = createOrganisation("000000091", "ad.000000091@example.org");
        Http anonymous = platform.http();

        Http.Reply weak = anonymous.post("/activations/" + code, "{\"password\":\"azertyuiop123\"}");
        assertEquals(422, weak.status());
        assertEquals("mot-de-passe-faible", weak.json().path("code").asText());
        assertEquals("trop-courant", weak.json().path("errors").get(0).path("code").asText());
        Http.Reply tooShort = anonymous.post("/activations/" + code, "{\"password\":\"court\"}");
        assertEquals("trop-court", tooShort.json().path("errors").get(0).path("code").asText());

        assertEquals(204, anonymous.post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status(),
            "a refused password does not consume the code");
        assertEquals(400, anonymous.post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status(),
            "the code works only once");
        Http.Reply session = anonymous.post("/session", "{\"login\":\"AD_000000091\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, session.status(), session.body());
        assertEquals("000000091", session.json().path("siren").asText());
    }

    @Test
    void aPasswordResetLinkWorksOnceAndUnknownAccountsAreNotRevealed() {
        String code = createOrganisation("000000109", "ad.000000109@example.org");
        Http anonymous = platform.http();
        assertEquals(204, anonymous.post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status());

        assertEquals(202, anonymous.post("/password-resets", "{\"identifier\":\"personne@example.org\"}").status());
        assertEquals(202, anonymous.post("/password-resets", "{\"identifier\":\"AD_000000109\"}").status());
        String token = secretMailedTo("ad.000000109@example.org", "reinitialisation");
        String renewed = "Un autre mot de passe bien long";
        assertEquals(204, anonymous.post("/password-resets/" + token, "{\"password\":\"" + renewed + "\"}").status());
        Http.Reply reused = anonymous.post("/password-resets/" + token, "{\"password\":\"" + renewed + " encore\"}");
        assertEquals(400, reused.status());
        assertEquals("jeton-invalide", reused.json().path("code").asText());

        assertEquals(401, anonymous.post("/session", "{\"login\":\"AD_000000109\",\"password\":\"" + PASSWORD + "\"}").status());
        assertEquals(200, anonymous.post("/session", "{\"login\":\"AD_000000109\",\"password\":\"" + renewed + "\"}").status());
    }

    @Test
    void repeatedFailuresLockTheLoginUntilTheWindowHasPassed() throws Exception {
        String code = createOrganisation("000000117", "ad.000000117@example.org");
        Http anonymous = platform.http();
        assertEquals(204, anonymous.post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status());
        for (String typed : java.util.List.of("AD_000000117", "ad_000000117", "Ad_000000117", "aD_000000117", "ad_000000117")) {
            assertEquals(401, anonymous.post("/session", "{\"login\":\"" + typed + "\",\"password\":\"pas le bon\"}")
                .status());
        }
        Http.Reply locked = anonymous.post("/session", "{\"login\":\"AD_000000117\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(429, locked.status(), "even the right password waits once the login is locked");
        assertEquals("trop-de-tentatives", locked.json().path("code").asText());

        Thread.sleep((LOCKOUT_SECONDS + 1) * 1000);
        assertEquals(200, anonymous.post("/session", "{\"login\":\"AD_000000117\",\"password\":\"" + PASSWORD + "\"}").status(),
            "the legitimate user signs in after the window");
        String actions = admin.get("/audit?limit=50").body();
        assertTrue(actions.contains("verrouillage"), "the lockout is audited");
        assertTrue(actions.contains("connexion.echouee"));
    }

    @Test
    void aLoginDifferingOnlyByCaseIsRefusedAndSignsInToTheSameAccount() {
        String code = createOrganisation("000000166", "ad.000000166@example.org");
        assertEquals(204, platform.http().post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status());
        Http administrator = Http.token(platform.httpPort(), "ad_000000166", PASSWORD);
        String user = """
            {"login":"%s","firstName":"Victime","lastName":"Deux (FICTIF)","email":"%s@example.org",
             "profile":"RESPONSABLE_SAISIE"}""";
        assertEquals(201, administrator.post("/organisations/000000166/users", user.formatted("victim.two", "victim.two"))
            .status());
        Http.Reply twin = administrator.post("/organisations/000000166/users", user.formatted("VICTIM.TWO", "attaquant"));
        assertEquals(409, twin.status(), twin.body());
        assertEquals("identifiant-existant", twin.json().path("code").asText());

        String userCode = secretMailedTo("victim.two@example.org", "activation");
        assertEquals(204, platform.http().post("/activations/" + userCode, "{\"password\":\"" + PASSWORD + "\"}").status());
        Http.Reply session = platform.http().post("/session", "{\"login\":\"VICTIM.TWO\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, session.status(), session.body());
        assertEquals("victim.two", session.json().path("login").asText());
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsTheResetLinksAndTheTokens() {
        String code = createOrganisation("000000174", "ad.000000174@example.org");
        Http anonymous = platform.http();
        assertEquals(204, anonymous.post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status());
        Http current = Http.session(platform.httpPort(), "AD_000000174", PASSWORD);
        Http other = Http.session(platform.httpPort(), "AD_000000174", PASSWORD);
        Http script = Http.token(platform.httpPort(), "AD_000000174", PASSWORD);
        assertEquals(202, anonymous.post("/password-resets", "{\"identifier\":\"ad_000000174\"}").status());
        String link = secretMailedTo("ad.000000174@example.org", "reinitialisation");

        String renewed = "Un autre mot de passe bien long";
        Http.Reply changed = current.put("/me/password", null,
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + renewed + "\"}");
        assertEquals(204, changed.status(), changed.body());

        assertEquals(200, current.get("/session").status(), "the session the change was made from stays open");
        assertEquals(401, other.get("/session").status(), "whoever held another session is out");
        assertEquals(401, script.get("/me/tokens").status(), "API tokens are revoked by default");
        Http.Reply stale = anonymous.post("/password-resets/" + link, "{\"password\":\"" + PASSWORD + " encore\"}");
        assertEquals(400, stale.status(), "a link mailed before the change no longer works");
        assertEquals("jeton-invalide", stale.json().path("code").asText());
    }

    @Test
    void aResetAnswersAlikeWhenTheMailServerIsDownAndTheLinkFollowsOnceItIsBack() {
        String code = createOrganisation("000000182", "ad.000000182@example.org");
        Http anonymous = platform.http();
        assertEquals(204, anonymous.post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status());
        mail.stop();
        try {
            Http.Reply known = anonymous.post("/password-resets", "{\"identifier\":\"AD_000000182\"}");
            Http.Reply unknown = anonymous.post("/password-resets", "{\"identifier\":\"personne.000000182\"}");
            assertEquals(202, known.status(), known.body());
            assertEquals(unknown.status(), known.status());
            assertEquals(unknown.body(), known.body(), "the same answer, mail server down or not, account or not");
            Await.until("a failed mail put off", 30_000, () -> admin.get("/audit?limit=50").body(),
                body -> body.contains("mot-de-passe.envoi-reporte"));
        } finally {
            mail = new GreenMail(smtp);
            mail.start();
        }
        String token = secretMailedTo("ad.000000182@example.org", "reinitialisation");
        assertEquals(204, anonymous.post("/password-resets/" + token, "{\"password\":\"Un autre mot de passe bien long\"}")
            .status(), "the retried link works");

        Http.Reply verification = admin.get("/audit/verification");
        assertEquals(200, verification.status(), verification.body());
        assertTrue(verification.json().path("intact").asBoolean(), "every entry written inside its change chains: "
            + verification.body());
    }

    @Test
    void sessionsUseAStrictHttpOnlyCookieAndWritesNeedTheCsrfToken() {
        Http.Reply login = platform.http().send("POST", "/session", "application/json",
            "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        assertEquals(200, login.status());
        String cookie = login.setCookie();
        assertNotNull(cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));

        Http.Reply withoutToken = platform.http().send("POST", "/me/tokens", "application/json",
            "{\"label\":\"x\",\"days\":1}", session);
        assertEquals(403, withoutToken.status());
        assertEquals("csrf-invalide", withoutToken.json().path("code").asText());
        Http.Reply read = platform.http().send("GET", "/me/tokens", null, null, session);
        assertEquals(200, read.status(), "reads need no token: " + read.body());

        Http signedIn = Http.session(platform.httpPort(), "admin", ADMIN_PASSWORD);
        assertEquals(201, signedIn.post("/me/tokens", "{\"label\":\"x\",\"days\":1}").status());
        assertEquals(204, signedIn.delete("/session").status());
        assertEquals(401, signedIn.get("/session").status(), "the session ended");
    }

    @Test
    void anIdleSessionExpiresWhileAnActiveOneLivesOn() throws Exception {
        Http idle = Http.session(platform.httpPort(), "admin", ADMIN_PASSWORD);
        Http active = Http.session(platform.httpPort(), "admin", ADMIN_PASSWORD);
        for (int i = 0; i < 6; i++) {
            Thread.sleep(1000);
            assertEquals(200, active.get("/session").status(), "used every second, the session stays open");
        }
        Http.Reply expired = idle.get("/me/tokens");
        assertEquals(401, expired.status(), "unused for longer than " + IDLE_SECONDS + " s");
        assertEquals("non-authentifie", expired.json().path("code").asText());
        assertEquals(401, idle.get("/session").status());
    }

    @Test
    void aDeactivatedUserCanNoLongerSignInNorUseItsTokens() {
        String code = createOrganisation("000000125", "ad.000000125@example.org");
        assertEquals(204, platform.http().post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}").status());
        Http administrator = Http.token(platform.httpPort(), "AD_000000125", PASSWORD);
        Http.Reply created = administrator.post("/organisations/000000125/users", """
            {"login":"compta.000000125","firstName":"Sacha","lastName":"Compta (FICTIF)","email":"compta.000000125@example.org",
             "profile":"RESPONSABLE_COMPTABLE"}""");
        assertEquals(201, created.status(), created.body());
        String userCode = secretMailedTo("compta.000000125@example.org", "activation");
        assertEquals(204, platform.http().post("/activations/" + userCode, "{\"password\":\"" + PASSWORD + "\"}").status());
        Http user = Http.token(platform.httpPort(), "compta.000000125", PASSWORD);
        assertEquals(200, user.get("/organisations/000000125").status());

        long id = created.json().path("user").path("id").asLong();
        Http.Reply stale = administrator.put("/organisations/000000125/users/" + id, "\"1\"", """
            {"firstName":"Sacha","lastName":"Compta (FICTIF)","email":"compta.000000125@example.org",
             "profile":"RESPONSABLE_COMPTABLE","active":false}""");
        assertEquals(409, stale.status(), "the activation changed the revision");
        String revision = java.util.stream.StreamSupport.stream(
                administrator.get("/organisations/000000125/users").json().spliterator(), false)
            .filter(u -> u.path("id").asLong() == id).findFirst().orElseThrow().path("revision").asText();
        Http.Reply deactivated = administrator.put("/organisations/000000125/users/" + id, "\"" + revision + "\"", """
            {"firstName":"Sacha","lastName":"Compta (FICTIF)","email":"compta.000000125@example.org",
             "profile":"RESPONSABLE_COMPTABLE","active":false}""");
        assertEquals(200, deactivated.status(), deactivated.body());

        assertEquals(401, user.get("/organisations/000000125").status(), "its token stopped working");
        Http.Reply refused = platform.http().post("/session", "{\"login\":\"compta.000000125\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(403, refused.status());
        assertEquals("compte-inactif", refused.json().path("code").asText());
        String audit = administrator.get("/audit/organisations/000000125").body();
        assertTrue(audit.contains("utilisateur.modifie") && audit.contains("compta.000000125"), audit);
    }

    @Test
    void invalidOrDuplicateSirensAreRefusedAndNothingIsCreated() {
        Http.Reply invalid = admin.post("/organisations", """
            {"siren":"123456789","name":"X","type":"OPH","federation":"OPH","active":true,"administratorEmail":"x@example.org"}""");
        assertEquals(422, invalid.status());
        assertEquals("siren-invalide", invalid.json().path("errors").get(0).path("code").asText());
        createOrganisation("000000133", "ad.000000133@example.org");
        Http.Reply duplicate = admin.post("/organisations", """
            {"siren":"000000133","name":"Y","type":"OPH","federation":"OPH","active":true,"administratorEmail":"y@example.org"}""");
        assertEquals(409, duplicate.status());
        assertEquals("siren-existant", duplicate.json().path("code").asText());
        assertFalse(admin.get("/organisations").body().contains("123456789"));
    }
}
