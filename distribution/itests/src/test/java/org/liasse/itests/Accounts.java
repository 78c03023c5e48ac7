package org.liasse.itests;

/**
 * Creates accounts through the real API, as people would: an operator creates an organisation, its administrator
 * activates {@code AD_<SIREN>} with the code (shown because the platform runs with
 * {@code show.activation.codes = true}), then creates users who activate theirs.
 */
public final class Accounts {

    /** Password given to every account these tests create. */
    public static final String PASSWORD = "Un mot de passe de test 2025";

    private Accounts() {
    }

    /** Creates an organisation and returns its activated administrator's client (API token). */
    public static Http organisation(int port, Http operator, String siren, String type, String federation) {
        Http.Reply created = operator.post("/organisations", """
            {"siren":"%s","name":"Organisme de test %s (FICTIF)","type":"%s","federation":%s,"region":"84",
             "department":"69","active":true,"administratorEmail":"ad.%s@example.org"}
            """.formatted(siren, siren, type, federation == null ? "null" : "\"" + federation + "\"", siren));
        if (created.status() != 201) {
            throw new AssertionError("organisation " + siren + " not created: " + created.body());
        }
        activate(port, created.json().path("administrator").path("activationCode").asText());
        return Http.token(port, "AD_" + siren, PASSWORD);
    }

    /** Creates a user of the administrator's organisation with a profile and returns its client (API token). */
    public static Http user(int port, Http administrator, String siren, String login, String profile) {
        Http.Reply created = administrator.post("/organisations/" + siren + "/users", """
            {"login":"%s","firstName":"Camille","lastName":"Test (FICTIF)","email":"%s@example.org","profile":"%s"}
            """.formatted(login, login, profile));
        if (created.status() != 201) {
            throw new AssertionError("user " + login + " not created: " + created.body());
        }
        activate(port, created.json().path("activationCode").asText());
        return Http.token(port, login, PASSWORD);
    }

    /** Creates an operator with one role and returns its client (API token). */
    public static Http operator(int port, Http superAdmin, String login, String role, String federation) {
        Http.Reply created = superAdmin.post("/operators", """
            {"login":"%s","firstName":"Alex","lastName":"Opérateur (FICTIF)","email":"%s@example.org","federation":%s,
             "roles":["%s"]}
            """.formatted(login, login, federation == null ? "null" : "\"" + federation + "\"", role));
        if (created.status() != 201) {
            throw new AssertionError("operator " + login + " not created: " + created.body());
        }
        activate(port, created.json().path("activationCode").asText());
        return Http.token(port, login, PASSWORD);
    }

    private static void activate(int port, String code) {
        Http.Reply activated = new Http(port).post("/activations/" + code, "{\"password\":\"" + PASSWORD + "\"}");
        if (activated.status() != 204) {
            throw new AssertionError("activation failed: " + activated.body());
        }
    }
}
