package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every REST operation registered in the running platform (read from its OpenAPI document) × every kind of caller
 * × own organisation / other organisation of the same federation / organisation of another federation, against the
 * policy written down here. An operation missing from this policy fails the test, so no endpoint can be added
 * without deciding who may call it.
 */
class AuthorizationMatrixIT {

    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String OWN = "000000067";
    private static final String OTHER = "000000075";
    private static final String OTHER_FEDERATION = "000000083";
    private static final Map<String, String> FEDERATION = Map.of(OWN, "OPH", OTHER, "OPH", OTHER_FEDERATION, "ESH");

    private static final String SA = "SUPER_ADMIN";
    private static final String CM = "CAMPAIGN_MANAGER";
    private static final String SUP = "SUPPORT";
    private static final String PM = "PLUGIN_MANAGER";

    /** Who may call an operation. */
    private record Rule(String level, String right, Set<String> operators, String target) {

        static Rule open() {
            return new Rule("PUBLIC", "", Set.of(), "");
        }

        static Rule signedIn() {
            return new Rule("AUTHENTICATED", "", Set.of(), "");
        }

        static Rule operators(String... roles) {
            return new Rule("OPERATOR", "", Set.of(roles), "");
        }

        static Rule organisation(String right, String... roles) {
            return new Rule("ORGANISATION", right, Set.of(roles), "siren");
        }

        static Rule dossier(String right, String... roles) {
            return new Rule("ORGANISATION", right, Set.of(roles), "dossier");
        }
    }

    /** The policy: one line per operation. */
    private static final Map<String, Rule> POLICY = new LinkedHashMap<>();

    static {
        POLICY.put("GET /health", Rule.open());
        POLICY.put("GET /openapi.json", Rule.open());
        POLICY.put("POST /session", Rule.open());
        POLICY.put("GET /session", Rule.open());
        POLICY.put("DELETE /session", Rule.signedIn());
        POLICY.put("POST /password-resets", Rule.open());
        POLICY.put("POST /password-resets/{token}", Rule.open());
        POLICY.put("POST /activations/{code}", Rule.open());
        POLICY.put("PUT /me/password", Rule.signedIn());
        POLICY.put("GET /me/tokens", Rule.signedIn());
        POLICY.put("GET /me/notifications", Rule.signedIn());
        POLICY.put("POST /me/tokens", Rule.signedIn());
        POLICY.put("DELETE /me/tokens/{id}", Rule.signedIn());
        POLICY.put("GET /rights", Rule.signedIn());
        POLICY.put("GET /organisation-types", Rule.signedIn());
        POLICY.put("GET /plugins", Rule.operators(PM, SUP, CM, SA));
        POLICY.put("GET /plugins/{id}", Rule.operators(PM, SUP, CM, SA));
        POLICY.put("POST /plugins/{id}/rollback", Rule.operators(PM, SA));
        POLICY.put("GET /questionnaires/{code}", Rule.signedIn());
        POLICY.put("GET /questionnaires/{code}/{version}", Rule.signedIn());
        POLICY.put("GET /questionnaires/{code}/diff", Rule.signedIn());
        POLICY.put("GET /campaigns", Rule.signedIn());
        POLICY.put("GET /campaigns/{year}", Rule.signedIn());
        POLICY.put("POST /campaigns", Rule.operators(CM, SA));
        POLICY.put("PUT /campaigns/{year}", Rule.operators(CM, SA));
        POLICY.put("PUT /campaigns/{year}/state", Rule.operators(CM, SA));
        POLICY.put("GET /campaigns/{year}/completion", Rule.operators(CM, SUP, PM, SA));
        POLICY.put("GET /campaigns/{year}/completion/export", Rule.operators(CM, SUP, PM, SA));
        POLICY.put("GET /campaigns/{year}/reports", Rule.operators(CM, SUP, PM, SA));
        POLICY.put("GET /campaigns/{year}/reports/{code}", Rule.operators(CM, SUP, PM, SA));
        POLICY.put("POST /campaigns/{year}/reminders", Rule.operators(CM, SA));
        POLICY.put("GET /organisations", Rule.signedIn());
        POLICY.put("POST /organisations", Rule.operators(CM, SA));
        POLICY.put("POST /organisations/import", Rule.operators(CM, SA));
        POLICY.put("GET /organisations/{siren}", Rule.organisation("", SUP, CM, PM, SA));
        POLICY.put("PUT /organisations/{siren}", Rule.organisation("-", CM, SA));
        POLICY.put("GET /organisations/{siren}/dossiers", Rule.organisation("dossier.consulter", SUP, CM, SA));
        POLICY.put("POST /organisations/{siren}/dossiers", Rule.organisation("dossier.initialiser"));
        POLICY.put("GET /organisations/{siren}/dossiers/available", Rule.organisation("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /organisations/{siren}/users", Rule.organisation("utilisateurs.gerer", SUP, CM, SA));
        POLICY.put("POST /organisations/{siren}/users", Rule.organisation("utilisateurs.gerer"));
        POLICY.put("PUT /organisations/{siren}/users/{id}", Rule.organisation("utilisateurs.gerer"));
        POLICY.put("PUT /organisations/{siren}/users/{id}/rights", Rule.organisation("utilisateurs.gerer"));
        POLICY.put("POST /organisations/{siren}/users/{id}/activation", Rule.organisation("utilisateurs.gerer", CM, SA));
        POLICY.put("GET /audit/organisations/{siren}", Rule.organisation("utilisateurs.gerer", SUP, SA));
        POLICY.put("GET /audit", Rule.operators(SUP, SA));
        POLICY.put("GET /audit/verification", Rule.operators(SUP, SA));
        POLICY.put("POST /operators", Rule.operators(SA));
        POLICY.put("GET /dossiers/{id}", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/past", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/history", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/reports", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/reports/{code}", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("PATCH /dossiers/{id}/values", Rule.dossier("dossier.saisir"));
        POLICY.put("GET /dossiers/{id}/controls/{code}/explanation", Rule.dossier("dossier.verifier", SUP, CM, SA));
        POLICY.put("POST /dossiers/{id}/verifications", Rule.dossier("dossier.verifier"));
        POLICY.put("GET /dossiers/{id}/verifications/latest", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/verifications", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /impacts", Rule.operators(PM, SUP, CM, SA));
        POLICY.put("GET /impacts/{id}", Rule.operators(PM, SUP, CM, SA));
        POLICY.put("PUT /dossiers/{id}/justifications/{control}", Rule.dossier("dossier.verifier"));
        POLICY.put("GET /dossiers/{id}/mappings", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("POST /dossiers/{id}/imports", Rule.dossier("dossier.importer"));
        POLICY.put("GET /dossiers/{id}/export", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/pieces", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("POST /dossiers/{id}/pieces", Rule.dossier("pieces.gerer"));
        POLICY.put("GET /dossiers/{id}/pieces/{piece}", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("DELETE /dossiers/{id}/pieces/{piece}", Rule.dossier("pieces.gerer"));
        POLICY.put("GET /dossiers/{id}/workflow", Rule.dossier("", SUP, CM, SA));
        POLICY.put("POST /dossiers/{id}/workflow/advance", Rule.dossier(""));
        POLICY.put("POST /dossiers/{id}/workflow/reopen", Rule.dossier(""));
        POLICY.put("POST /dossiers/{id}/workflow/send-back", Rule.dossier("-", SUP, CM, SA));
        POLICY.put("GET /recipients", Rule.operators(SUP, CM, SA));
        POLICY.put("POST /recipients", Rule.operators(CM, SA));
        POLICY.put("PUT /recipients/{code}", Rule.operators(CM, SA));
        POLICY.put("GET /campaigns/{year}/matrix", Rule.operators(SUP, CM, SA));
        POLICY.put("PUT /campaigns/{year}/matrix", Rule.operators(CM, SA));
        POLICY.put("GET /campaigns/{year}/matrix/history", Rule.operators(SUP, CM, SA));
        POLICY.put("GET /campaigns/{year}/deliveries", Rule.operators(SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/recipients", Rule.dossier("", SUP, CM, SA));
        POLICY.put("PUT /dossiers/{id}/recipients/{target}", Rule.dossier("dossier.transmettre"));
        POLICY.put("GET /dossiers/{id}/deliveries", Rule.dossier("", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/statements", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /dossiers/{id}/statements/{statement}/{kind}", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("GET /deliveries/{id}", Rule.operators(SUP, CM, SA));
        POLICY.put("POST /deliveries/{id}/redeliver", Rule.operators(CM, SA));
        POLICY.put("POST /signatures/verify", Rule.signedIn());
        POLICY.put("GET /signatures/certificate", Rule.operators(SUP, CM, SA));
        POLICY.put("GET /server", Rule.operators(SUP, CM, PM, SA));
        POLICY.put("GET /syncs", Rule.operators(SUP, CM, PM, SA));
        POLICY.put("GET /organisations/{siren}/syncs", Rule.organisation("", SUP, CM, PM, SA));
        POLICY.put("GET /organisations/{siren}/consents", Rule.organisation("", SUP, SA));
        POLICY.put("PUT /organisations/{siren}/consents/{peer}", Rule.organisation("utilisateurs.gerer"));
        POLICY.put("DELETE /organisations/{siren}/consents/{peer}", Rule.organisation("utilisateurs.gerer"));
        POLICY.put("GET /dossiers/{id}/syncs", Rule.dossier("dossier.consulter", SUP, CM, SA));
        POLICY.put("POST /dossiers/{id}/syncs", Rule.dossier("dossier.importer"));
        POLICY.put("POST /peer/transfers", Rule.open());
        POLICY.put("POST /peer/acks", Rule.open());
    }

    /** A kind of caller. */
    private record Principal(String name, Http http, String siren, Set<String> rights, String federation, Set<String> roles) {
    }

    private static Distribution platform;
    private static final List<Principal> PRINCIPALS = new ArrayList<>();
    private static final Map<String, Long> DOSSIERS = new LinkedHashMap<>();
    private static long userId;

    @BeforeAll
    static void start() throws Exception {
        platform = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD));
        platform.setProperty("etc/org.liasse.identity.cfg", "show.activation.codes", "true");
        platform.start();
        int port = platform.httpPort();
        Await.until("health", 120_000, () -> platform.http().get("/health"), r -> r.status() == 200);
        Http admin = Http.token(port, "admin", ADMIN_PASSWORD);
        assertEquals(201, admin.post("/campaigns", """
            {"year":2025,"label":"Campagne 2025","opening":"2026-04-01","deadline":"2026-07-31","state":"OPEN"}
            """).status());
        Http ownAdmin = null;
        for (String siren : List.of(OWN, OTHER, OTHER_FEDERATION)) {
            Http administrator = Accounts.organisation(port, admin, siren, FEDERATION.get(siren).equals("OPH") ? "OPH" : "ESH",
                FEDERATION.get(siren));
            Http entry = Accounts.user(port, administrator, siren, "saisie." + siren, "RESPONSABLE_SAISIE");
            Http.Reply dossier = entry.post("/organisations/" + siren + "/dossiers", "{\"year\":2025,\"questionnaire\":\"ER\"}");
            assertEquals(201, dossier.status(), dossier.body());
            DOSSIERS.put(siren, dossier.json().path("id").asLong());
            if (siren.equals(OWN)) {
                ownAdmin = administrator;
                PRINCIPALS.add(new Principal("administrateur", administrator, siren, Set.of("utilisateurs.gerer", "dossier.consulter"), null, Set.of()));
                PRINCIPALS.add(new Principal("saisie", entry, siren, Set.of("dossier.initialiser", "dossier.saisir",
                    "dossier.importer", "dossier.verifier", "dossier.consulter", "pieces.gerer"), null, Set.of()));
            }
        }
        Http noRights = Accounts.user(port, ownAdmin, OWN, "sansdroit." + OWN, "RESPONSABLE_SAISIE");
        JsonNode users = ownAdmin.get("/organisations/" + OWN + "/users").json();
        for (JsonNode user : users) {
            if (user.path("login").asText().equals("sansdroit." + OWN)) {
                Http.Reply cleared = ownAdmin.put("/organisations/" + OWN + "/users/" + user.path("id").asLong() + "/rights",
                    "\"" + user.path("revision").asLong() + "\"", "{\"rights\":[]}");
                assertEquals(200, cleared.status(), cleared.body());
            }
            if (user.path("login").asText().equals("saisie." + OWN)) {
                userId = user.path("id").asLong();
            }
        }
        PRINCIPALS.add(new Principal("sans droit", noRights, OWN, Set.of(), null, Set.of()));
        PRINCIPALS.add(new Principal("anonyme", platform.http(), null, Set.of(), null, null));
        PRINCIPALS.add(new Principal("super-admin", admin, null, Set.of(), null, Set.of(SA)));
        PRINCIPALS.add(new Principal("campagne OPH", Accounts.operator(port, admin, "campagne.oph", CM, "OPH"), null, Set.of(), "OPH", Set.of(CM)));
        PRINCIPALS.add(new Principal("support", Accounts.operator(port, admin, "support.national", SUP, null), null, Set.of(), null, Set.of(SUP)));
        PRINCIPALS.add(new Principal("plugins", Accounts.operator(port, admin, "plugins.national", PM, null), null, Set.of(), null, Set.of(PM)));
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    @Test
    void everyRegisteredOperationFollowsThePolicyForEveryCallerAndOrganisation() {
        JsonNode paths = platform.http().get("/openapi.json").json().path("paths");
        Set<String> registered = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String operation = methods.next().toUpperCase() + " " + path.getKey();
                registered.add(operation);
                Rule rule = POLICY.get(operation);
                assertTrue(rule != null, "operation without a declared policy: " + operation);
                for (String siren : List.of(OWN, OTHER, OTHER_FEDERATION)) {
                    for (Principal principal : PRINCIPALS) {
                        boolean expected = allowed(rule, principal, siren);
                        Http.Reply reply = call(principal.http(), operation, siren);
                        boolean actual = !denied(reply);
                        checked++;
                        if (expected != actual) {
                            leaks.add(operation + " as " + principal.name() + " on " + siren + ": expected "
                                + (expected ? "allowed" : "denied") + ", got " + reply.status() + " " + reply.body());
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(POLICY.keySet()), registered, "the policy lists exactly the registered operations");
        assertTrue(leaks.isEmpty(), leaks.size() + " mismatches out of " + checked + ":\n" + String.join("\n", leaks));
    }

    @Test
    void listsOnlyShowTheCallersPerimeter() {
        for (Principal principal : PRINCIPALS) {
            if (principal.roles() == null) {
                continue;
            }
            Set<String> visible = new TreeSet<>();
            principal.http().get("/organisations").json().forEach(o -> visible.add(o.path("siren").asText()));
            Set<String> expected = new TreeSet<>();
            for (String siren : FEDERATION.keySet()) {
                if (principal.siren() != null ? principal.siren().equals(siren)
                    : principal.federation() == null || principal.federation().equals(FEDERATION.get(siren))) {
                    expected.add(siren);
                }
            }
            assertEquals(expected, visible, principal.name());
        }
    }

    private static boolean allowed(Rule rule, Principal principal, String siren) {
        boolean anonymous = principal.roles() == null;
        boolean operator = !anonymous && !principal.roles().isEmpty();
        return switch (rule.level()) {
            case "PUBLIC" -> true;
            case "AUTHENTICATED" -> !anonymous;
            case "OPERATOR" -> operator && principal.roles().stream().anyMatch(rule.operators()::contains);
            default -> {
                if (anonymous) {
                    yield false;
                }
                if (operator) {
                    yield principal.roles().stream().anyMatch(rule.operators()::contains)
                        && (principal.federation() == null || principal.federation().equals(FEDERATION.get(siren)));
                }
                yield siren.equals(principal.siren()) && !"-".equals(rule.right())
                    && (rule.right().isEmpty() || principal.rights().contains(rule.right()));
            }
        };
    }

    private static boolean denied(Http.Reply reply) {
        String code = reply.json() == null ? "" : reply.json().path("code").asText();
        return Set.of("non-authentifie", "acces-refuse", "csrf-invalide").contains(code);
    }

    private static Http.Reply call(Http http, String operation, String siren) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(method.length() + 1)
            .replace("{siren}", siren)
            .replace("{id}", operation.contains("/dossiers/") ? Long.toString(DOSSIERS.get(siren))
                : operation.contains("/users/") ? Long.toString(userId) : "999999")
            .replace("{code}/{version}", "ER/2025.1")
            .replace("{piece}", "999999")
            .replace("{control}", "CONTROLE_INCONNU")
            .replace("{target}", "CGLLS")
            .replace("{statement}", "999999")
            .replace("{kind}", "pdf")
            .replace("{peer}", "serveur-inconnu")
            .replace("{year}", "2025")
            .replace("{token}", "jeton-inconnu")
            .replace("{code}", "code-inconnu");
        String body = switch (method) {
            case "GET", "DELETE" -> null;
            default -> path.endsWith("/import") ? "" : "{}";
        };
        String type = body == null ? null : path.endsWith("/import") ? "text/csv" : "application/json";
        return http.send(method, path, type, body, null);
    }
}
