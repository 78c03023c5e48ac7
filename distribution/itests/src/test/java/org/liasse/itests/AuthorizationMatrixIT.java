package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every REST operation registered in the running ministry platform (read from its OpenAPI document) × every kind of
 * caller × every perimeter, reads and writes, against the expectations written down by hand in {@link #EXPECTED}:
 * nothing there is derived from the {@code @Access} declarations it checks. An operation missing from the table, or
 * a line for an operation that no longer exists, fails the test.
 *
 * <p>Callers: anonymous; five members of the organisation {@link #OWN} (no right at all, and the default profiles
 * Responsable de saisie, comptable, hiérarchique, and the administrator {@code AD_<SIREN>}); operators: national
 * super-administrator, campaign managers national and of the OPH federation, support national and OPH, national
 * plugin manager. Targets: {@code o} the members' own organisation (OPH), {@code s} another organisation of the same
 * federation, {@code f} an organisation of another federation (ESH). An operation without an organisation in its
 * path (a national resource, or one the service scopes to the caller) is called once per caller.
 *
 * <p>A call is refused when the answer is a 401 or 403 of the access mechanism ({@code non-authentifie},
 * {@code acces-refuse}, {@code csrf-invalide}); any other answer (including a 400, 404, 409 or 422 about the body
 * sent, or {@code dossier-non-remis}, which is only checked once the perimeter is) means the call got through. The
 * dossiers of {@code o} and {@code f} are transmitted first, so that partner staff see them and they have deliveries.
 * The attacks of issue 19 are replayed with valid bodies in the other tests, which check that nothing changed. Every
 * JSON answer, problems included, must carry {@code Cache-Control: no-store} and
 * {@code X-Content-Type-Options: nosniff}.
 *
 * <p>Every call is made without {@code If-Match}: a write of an editable resource listed in {@link #IF_MATCH} that
 * gets through must answer 428 {@code if-match-requis} (unless the dossier is not handed over to the operator, a
 * refusal of the perimeter that comes first), and no other operation may answer 428.
 */
class AuthorizationMatrixIT {

    private static final String OWN = "000000018";
    private static final String OTHER = "000000067";
    private static final String OTHER_FEDERATION = "000000026";
    private static final Map<Character, String> TARGETS = Map.of('o', OWN, 's', OTHER, 'f', OTHER_FEDERATION);

    /** The callers, in the order of the table. */
    private static final List<String> CALLERS = List.of("anon", "m0", "rs", "rc", "rh", "ad", "saN", "cmN", "cmF",
        "supN", "supF", "pmN");

    /**
     * Who gets through, by operation: {@code caller:targets} (e.g. {@code cmF:os}) for operations on an organisation,
     * a bare caller for the others; {@code *} is everyone, anonymous included, {@code signed} everyone signed in.
     * Everything not listed is refused.
     */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        String readers = "saN:osf cmN:osf supN:osf cmF:os supF:os";
        String consult = "rs:o rc:o rh:o ad:o " + readers;
        String everyMember = "m0:o rs:o rc:o rh:o ad:o ";
        String entry = "rs:o rc:o rh:o";
        String operators = "saN cmN cmF supN supF pmN";

        // Public, and the caller's own account.
        for (String open : List.of("GET /health", "GET /openapi.json", "POST /session", "GET /session",
            "POST /password-resets", "POST /password-resets/{token}", "POST /activations/{code}",
            "POST /peer/transfers", "POST /peer/acks", "GET /contact")) {
            EXPECTED.put(open, "*");
        }
        for (String own : List.of("DELETE /session", "PUT /me/password", "GET /me/tokens", "POST /me/tokens",
            "DELETE /me/tokens/{id}", "GET /me/notifications", "GET /rights", "GET /organisation-types",
            "GET /questionnaires/{code}", "GET /questionnaires/{code}/{version}", "GET /questionnaires/{code}/diff",
            "GET /questionnaires/{code}/{version}/trame",
            "GET /campaigns", "GET /campaigns/{year}", "POST /signatures/verify", "GET /organisations", "GET /audit/actions")) {
            EXPECTED.put(own, "signed");
        }

        // National resources: national operators only.
        EXPECTED.put("POST /campaigns", "saN cmN");
        EXPECTED.put("PUT /campaigns/{year}", "saN cmN");
        EXPECTED.put("PUT /campaigns/{year}/state", "saN cmN");
        EXPECTED.put("GET /recipients", "saN cmN supN");
        EXPECTED.put("POST /recipients", "saN cmN");
        EXPECTED.put("PUT /recipients/{code}", "saN cmN");
        EXPECTED.put("GET /campaigns/{year}/matrix", "saN cmN supN");
        EXPECTED.put("GET /campaigns/{year}/matrix/history", "saN cmN supN");
        EXPECTED.put("PUT /campaigns/{year}/matrix", "saN cmN");
        EXPECTED.put("POST /operators", "saN");
        EXPECTED.put("GET /operators", "saN");
        EXPECTED.put("GET /operators/{id}", "saN");
        EXPECTED.put("PUT /operators/{id}", "saN");
        EXPECTED.put("POST /plugins", "saN pmN");
        EXPECTED.put("GET /audit/verification", "saN supN");
        EXPECTED.put("POST /plugins/{id}/rollback", "saN pmN");

        // Operators, scoped by the service to their perimeter.
        EXPECTED.put("GET /plugins", operators);
        EXPECTED.put("GET /plugins/{id}", operators);
        EXPECTED.put("GET /server", operators);
        EXPECTED.put("GET /syncs", operators);
        EXPECTED.put("GET /impacts", operators);
        EXPECTED.put("GET /impacts/{id}", operators);
        EXPECTED.put("GET /campaigns/{year}/completion", operators);
        EXPECTED.put("GET /campaigns/{year}/completion/export", operators);
        EXPECTED.put("GET /campaigns/{year}/reports", operators);
        EXPECTED.put("GET /campaigns/{year}/reports/{code}", operators);
        EXPECTED.put("GET /campaigns/{year}/deliveries", "saN cmN cmF supN supF");
        EXPECTED.put("GET /signatures/certificate", "saN cmN cmF supN supF");
        EXPECTED.put("GET /audit", "saN supN supF");
        EXPECTED.put("GET /audit/export", "saN supN supF");
        EXPECTED.put("POST /organisations", "saN cmN cmF");
        EXPECTED.put("POST /organisations/import", "saN cmN cmF");
        EXPECTED.put("POST /campaigns/{year}/reminders", "saN cmN cmF");

        // One organisation.
        EXPECTED.put("GET /organisations/{siren}", everyMember + readers + " pmN:osf");
        EXPECTED.put("PUT /organisations/{siren}", "saN:osf cmN:osf cmF:os");
        EXPECTED.put("GET /organisations/{siren}/dossiers", consult);
        EXPECTED.put("GET /organisations/{siren}/dossiers/available", consult);
        EXPECTED.put("POST /organisations/{siren}/dossiers", "rs:o rh:o");
        EXPECTED.put("GET /organisations/{siren}/users", "ad:o " + readers);
        EXPECTED.put("POST /organisations/{siren}/users", "ad:o");
        EXPECTED.put("PUT /organisations/{siren}/users/{id}", "ad:o");
        EXPECTED.put("PUT /organisations/{siren}/users/{id}/rights", "ad:o");
        EXPECTED.put("POST /organisations/{siren}/users/{id}/activation", "ad:o saN:osf cmN:osf cmF:os");
        EXPECTED.put("GET /audit/organisations/{siren}", "ad:o saN:osf supN:osf supF:os");
        EXPECTED.put("GET /audit/organisations/{siren}/export", "ad:o saN:osf supN:osf supF:os");
        EXPECTED.put("GET /organisations/{siren}/syncs", everyMember + readers + " pmN:osf");
        EXPECTED.put("GET /organisations/{siren}/consents", everyMember + "saN:osf supN:osf supF:os");
        EXPECTED.put("PUT /organisations/{siren}/consents/{peer}", "ad:o");
        EXPECTED.put("DELETE /organisations/{siren}/consents/{peer}", "ad:o");

        // One dossier of an organisation.
        for (String read : List.of("GET /dossiers/{id}", "GET /dossiers/{id}/past", "GET /dossiers/{id}/history",
            "GET /dossiers/{id}/verifications/latest", "GET /dossiers/{id}/verifications", "GET /dossiers/{id}/mappings",
            "GET /dossiers/{id}/export", "GET /dossiers/{id}/pieces", "GET /dossiers/{id}/pieces/{piece}",
            "GET /dossiers/{id}/reports", "GET /dossiers/{id}/reports/{code}", "GET /dossiers/{id}/statements",
            "GET /dossiers/{id}/statements/{statement}/{kind}", "GET /dossiers/{id}/syncs")) {
            EXPECTED.put(read, consult);
        }
        EXPECTED.put("GET /dossiers/{id}/controls/{code}/explanation", entry + " " + readers);
        EXPECTED.put("GET /dossiers/{id}/workflow", everyMember + readers);
        EXPECTED.put("GET /dossiers/{id}/recipients", everyMember + readers);
        EXPECTED.put("GET /dossiers/{id}/deliveries", everyMember + readers);
        for (String write : List.of("PATCH /dossiers/{id}/values", "POST /dossiers/{id}/verifications",
            "PUT /dossiers/{id}/justifications/{control}", "POST /dossiers/{id}/imports", "POST /dossiers/{id}/syncs",
            "POST /dossiers/{id}/pieces", "DELETE /dossiers/{id}/pieces/{piece}")) {
            EXPECTED.put(write, entry);
        }
        EXPECTED.put("PUT /dossiers/{id}/recipients/{target}", "rh:o");
        EXPECTED.put("GET /dossiers/{id}/workflow/statement-preview", "rh:o");
        EXPECTED.put("POST /dossiers/{id}/workflow/advance", everyMember.strip());
        EXPECTED.put("POST /dossiers/{id}/workflow/reopen", everyMember.strip());
        EXPECTED.put("POST /dossiers/{id}/workflow/send-back", "saN:osf cmN:osf cmF:os");

        // One delivery of an organisation's transmitted dossier (none for s: its dossier is not transmitted).
        EXPECTED.put("GET /deliveries/{id}", "saN:of cmN:of supN:of cmF:o supF:o");
        EXPECTED.put("POST /deliveries/{id}/redeliver", "saN:of cmN:of cmF:o");
    }

    /** The writes of editable resources, which need the ETag last read in {@code If-Match}. */
    private static final Set<String> IF_MATCH = Set.of("PUT /campaigns/{year}", "PUT /campaigns/{year}/state",
        "PUT /recipients/{code}", "PUT /campaigns/{year}/matrix", "PUT /organisations/{siren}",
        "PUT /organisations/{siren}/users/{id}", "PUT /organisations/{siren}/users/{id}/rights",
        "PATCH /dossiers/{id}/values", "POST /dossiers/{id}/syncs", "POST /dossiers/{id}/workflow/advance",
        "POST /dossiers/{id}/workflow/reopen", "POST /dossiers/{id}/workflow/send-back", "POST /plugins/{id}/rollback",
        "PUT /dossiers/{id}/recipients/{target}", "PUT /dossiers/{id}/justifications/{control}",
        "DELETE /dossiers/{id}/pieces/{piece}", "PUT /organisations/{siren}/consents/{peer}",
        "DELETE /organisations/{siren}/consents/{peer}", "PUT /operators/{id}");

    /** Bodies that are read without error (primitives given), so that a missing If-Match is what answers. */
    private static final Map<String, String> BODIES = Map.of(
        "POST /organisations", "{\"federation\":\"OPH\"}",
        "PUT /organisations/{siren}", "{\"active\":true}",
        "PUT /organisations/{siren}/users/{id}", "{\"active\":true}",
        "PUT /operators/{id}", "{\"active\":true}",
        "PUT /campaigns/{year}", "{\"year\":2025}");

    private static Distribution platform;
    private static final Map<String, Http> CLIENTS = new LinkedHashMap<>();
    private static final Map<String, Long> DOSSIERS = new LinkedHashMap<>();
    private static final Map<String, Long> DELIVERIES = new LinkedHashMap<>();
    private static long userId;

    @BeforeAll
    static void start() throws Exception {
        platform = Distribution.demo("ministry");
        int port = platform.httpPort();
        Http admin = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
        Await.until("demo recipients", 60_000, () -> admin.get("/recipients").json().path("recipients").size(),
            size -> size >= 3);
        Http ownAdmin = Http.token(port, "AD_" + OWN, Distribution.DEMO_PASSWORD);
        Http otherAdmin = Accounts.organisation(port, admin, OTHER, "OPH", "OPH");
        Http otherEntry = Accounts.user(port, otherAdmin, OTHER, "saisie." + OTHER, "RESPONSABLE_SAISIE");
        Http.Reply created = otherEntry.post("/organisations/" + OTHER + "/dossiers", "{\"year\":2025,\"questionnaire\":\"ER\"}");
        assertEquals(201, created.status(), created.body());
        DOSSIERS.put(OTHER, created.json().path("id").asLong());

        CLIENTS.put("anon", platform.http());
        CLIENTS.put("m0", Accounts.user(port, ownAdmin, OWN, "sansdroit." + OWN, "RESPONSABLE_SAISIE"));
        CLIENTS.put("rs", Accounts.user(port, ownAdmin, OWN, "saisie." + OWN, "RESPONSABLE_SAISIE"));
        CLIENTS.put("rc", Accounts.user(port, ownAdmin, OWN, "comptable." + OWN, "RESPONSABLE_COMPTABLE"));
        CLIENTS.put("rh", Accounts.user(port, ownAdmin, OWN, "hierarchique." + OWN, "RESPONSABLE_HIERARCHIQUE"));
        CLIENTS.put("ad", ownAdmin);
        CLIENTS.put("saN", admin);
        CLIENTS.put("cmN", Accounts.operator(port, admin, "campagne.nationale", "CAMPAIGN_MANAGER", null));
        CLIENTS.put("cmF", Accounts.operator(port, admin, "campagne.oph", "CAMPAIGN_MANAGER", "OPH"));
        CLIENTS.put("supN", Accounts.operator(port, admin, "support.national", "SUPPORT", null));
        CLIENTS.put("supF", Accounts.operator(port, admin, "support.oph", "SUPPORT", "OPH"));
        CLIENTS.put("pmN", Accounts.operator(port, admin, "plugins.national", "PLUGIN_MANAGER", null));
        for (JsonNode user : ownAdmin.get("/organisations/" + OWN + "/users").json()) {
            if (user.path("login").asText().equals("sansdroit." + OWN)) {
                Http.Reply cleared = ownAdmin.put("/organisations/" + OWN + "/users/" + user.path("id").asLong()
                    + "/rights", "\"" + user.path("revision").asLong() + "\"", "{\"rights\":[]}");
                assertEquals(200, cleared.status(), cleared.body());
            }
            if (user.path("login").asText().equals("saisie." + OWN)) {
                userId = user.path("id").asLong();
            }
        }

        Http eshManager = Accounts.user(port, Http.token(port, "AD_" + OTHER_FEDERATION, Distribution.DEMO_PASSWORD),
            OTHER_FEDERATION, "hierarchique." + OTHER_FEDERATION, "RESPONSABLE_HIERARCHIQUE");
        for (Map.Entry<String, Http> transmitted : Map.of(OWN, CLIENTS.get("rh"), OTHER_FEDERATION, eshManager).entrySet()) {
            long dossier = dossierOf(admin, transmitted.getKey());
            DOSSIERS.put(transmitted.getKey(), dossier);
            Dossiers.enterCleanFiguresWithAWarning(transmitted.getValue(), dossier);
            String step;
            do {
                step = Dossiers.advance(transmitted.getValue(), dossier);
            } while (!step.equals("TRANSMIS"));
            JsonNode deliveries = transmitted.getValue().get("/dossiers/" + dossier + "/deliveries").json();
            assertTrue(deliveries.size() > 0, "the transmission of " + transmitted.getKey() + " has deliveries");
            DELIVERIES.put(transmitted.getKey(), deliveries.get(0).path("id").asLong());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static long dossierOf(Http operator, String siren) {
        for (JsonNode d : operator.get("/organisations/" + siren + "/dossiers").json()) {
            if (d.path("year").asInt() == 2025 && d.path("questionnaireCode").asText().equals("ER")) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no 2025 ER dossier for " + siren);
    }

    /** The callers and targets an expectation lets through: caller → targets (empty for an untargeted operation). */
    private static Map<String, Set<Character>> parse(String expectation) {
        Map<String, Set<Character>> allowed = new TreeMap<>();
        for (String token : expectation.trim().split("\\s+")) {
            String[] parts = token.split(":");
            Set<Character> targets = new TreeSet<>();
            if (parts.length > 1) {
                parts[1].chars().forEach(c -> targets.add((char) c));
            }
            List<String> who = switch (parts[0]) {
                case "*" -> CALLERS;
                case "signed" -> CALLERS.subList(1, CALLERS.size());
                default -> {
                    assertTrue(CALLERS.contains(parts[0]), "unknown caller in the table: " + parts[0]);
                    yield List.of(parts[0]);
                }
            };
            who.forEach(caller -> allowed.put(caller, targets));
        }
        return allowed;
    }

    /** The state of the national resources and of the organisations, as the super-administrator reads it. */
    private static Map<String, String> snapshot() {
        Http admin = CLIENTS.get("saN");
        Map<String, String> state = new TreeMap<>();
        for (String path : List.of("/recipients", "/campaigns/2025", "/campaigns/2025/matrix", "/organisations",
            "/organisations/" + OTHER_FEDERATION + "/users", "/dossiers/" + DOSSIERS.get(OTHER_FEDERATION) + "/workflow")) {
            state.put(path, admin.get(path).body());
        }
        return state;
    }

    @Test
    void everyOperationLetsThroughExactlyTheCallersAndPerimetersOfTheTable() {
        JsonNode paths = platform.http().get("/openapi.json").json().path("paths");
        Set<String> registered = new TreeSet<>();
        List<String> mismatches = new ArrayList<>();
        Map<String, String> before = snapshot();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String operation = methods.next().toUpperCase() + " " + path.getKey();
                registered.add(operation);
                String expectation = EXPECTED.get(operation);
                if (expectation == null) {
                    mismatches.add(operation + ": not in the table, decide who may call it");
                    continue;
                }
                Map<String, Set<Character>> allowed = parse(expectation);
                boolean targeted = operation.contains("{siren}") || operation.contains("/dossiers/{id}")
                    || operation.contains("/deliveries/{id}");
                for (String caller : CALLERS) {
                    for (char target : targeted ? new char[] {'o', 's', 'f'} : new char[] {'-'}) {
                        if (operation.contains("/deliveries/{id}") && target == 's') {
                            continue;
                        }
                        boolean expected = allowed.containsKey(caller)
                            && (!targeted || allowed.get(caller).contains(target));
                        Http.Reply reply = call(CLIENTS.get(caller), operation, target);
                        checked++;
                        if (reply.contentType().contains("json") && (!"nosniff".equals(reply.header(
                            "X-Content-Type-Options")) || !"no-store".equals(reply.header("Cache-Control")))) {
                            mismatches.add(operation + " as " + caller + ": a JSON answer without Cache-Control: "
                                + "no-store and X-Content-Type-Options: nosniff (" + reply.status() + ")");
                        }
                        String call = operation + " as " + caller + (targeted ? " on " + target : "");
                        if (expected == refused(reply)) {
                            mismatches.add(call + ": expected " + (expected ? "through" : "refused") + ", got "
                                + reply.status() + " " + reply.body());
                        } else if (expected && IF_MATCH.contains(operation) != (reply.status() == 428
                            && "if-match-requis".equals(code(reply))) && !"dossier-non-remis".equals(code(reply))) {
                            mismatches.add(call + ": without If-Match, expected " + (IF_MATCH.contains(operation)
                                ? "428 if-match-requis" : "no 428") + ", got " + reply.status() + " " + reply.body());
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), registered, "the table lists exactly the registered operations");
        assertTrue(registered.containsAll(IF_MATCH), "the writes needing If-Match are registered operations");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches out of " + checked + ":\n"
            + String.join("\n", mismatches));
        assertEquals(before, snapshot(), "no call of the matrix changed a national resource or an organisation");
    }

    @Test
    void aFederationOperatorCannotRedirectANationalRecipientNorRedeliverAnotherFederationsStatement() {
        Http admin = CLIENTS.get("saN");
        Http attacker = CLIENTS.get("cmF");
        JsonNode recipient = admin.get("/recipients").json().path("recipients").get(0);
        String code = recipient.path("code").asText();
        ObjectNode redirected = recipient.deepCopy();
        redirected.remove("revision");
        redirected.put("channel", "https");
        redirected.putObject("settings").put("url", "https://attaquant.example/depot");
        String before = admin.get("/recipients").body();

        Http.Reply put = attacker.put("/recipients/" + code, "\"" + recipient.path("revision").asLong() + "\"",
            redirected.toString());
        assertRefused(put);
        assertEquals(before, admin.get("/recipients").body(), "the recipient is unchanged");

        long delivery = DELIVERIES.get(OTHER_FEDERATION);
        JsonNode attempts = admin.get("/deliveries/" + delivery).json();
        assertRefused(attacker.post("/deliveries/" + delivery + "/redeliver", "{}"));
        assertRefused(attacker.get("/deliveries/" + delivery));
        JsonNode after = admin.get("/deliveries/" + delivery).json();
        assertEquals(attempts.path("attempts").size(), after.path("attempts").size(), "no new attempt");
        assertEquals(attempts.path("delivery").path("status").asText(), after.path("delivery").path("status").asText());

        Set<String> listed = new TreeSet<>();
        attacker.get("/campaigns/2025/deliveries").json().forEach(d -> listed.add(d.path("siren").asText()));
        assertEquals(Set.of(OWN), listed, "the federation's deliveries only");
        Set<String> all = new TreeSet<>();
        admin.get("/campaigns/2025/deliveries").json().forEach(d -> all.add(d.path("siren").asText()));
        assertTrue(all.containsAll(Set.of(OWN, OTHER_FEDERATION)), all.toString());
    }

    @Test
    void aFederationOperatorChangesNeitherTheNationalCampaignNorTheMatrix() {
        Http admin = CLIENTS.get("saN");
        Http attacker = CLIENTS.get("cmF");
        Http.Reply campaign = admin.get("/campaigns/2025");
        ObjectNode renamed = campaign.json().deepCopy();
        renamed.put("label", "Campagne détournée");
        assertRefused(attacker.put("/campaigns/2025", campaign.etag(), renamed.toString()));
        assertRefused(attacker.put("/campaigns/2025/state", campaign.etag(), "{\"state\":\"CLOSED\"}"));
        assertEquals(campaign.body(), admin.get("/campaigns/2025").body(), "the campaign is unchanged");

        Http.Reply matrix = admin.get("/campaigns/2025/matrix");
        assertRefused(attacker.put("/campaigns/2025/matrix", matrix.etag(), "{\"rules\":[]}"));
        assertEquals(matrix.body(), admin.get("/campaigns/2025/matrix").body(), "the matrix is unchanged");
    }

    @Test
    void anOrganisationIsChangedOnlyAtTheRevisionLastRead() {
        Http manager = CLIENTS.get("cmF");
        Http.Reply read = manager.get("/organisations/" + OTHER);
        assertEquals(200, read.status(), read.body());
        String etag = read.etag();
        assertEquals("\"" + read.json().path("revision").asLong() + "\"", etag);

        Http.Reply saved = manager.put("/organisations/" + OTHER, etag, read.body());
        assertEquals(200, saved.status(), saved.body());
        assertEquals("\"" + (read.json().path("revision").asLong() + 1) + "\"", saved.etag());
        Http.Reply stale = manager.put("/organisations/" + OTHER, etag, read.body());
        assertEquals(412, stale.status(), stale.body());
        assertEquals("revision-perimee", stale.json().path("code").asText());
        assertEquals(saved.etag(), manager.get("/organisations/" + OTHER).etag(), "the stale write changed nothing");
    }

    @Test
    void aFederationOperatorCannotImportAnotherFederationsOrganisationIntoItsOwn() {
        Http admin = CLIENTS.get("saN");
        Http attacker = CLIENTS.get("cmF");
        String csv = "siren;nom;type;federation;region;departement\n"
            + OTHER_FEDERATION + ";ESH capturée (FICTIF);ESH;OPH;75;33\n";
        for (boolean apply : new boolean[] {false, true}) {
            Http.Reply reply = attacker.send("POST", "/organisations/import?apply=" + apply, "text/csv", csv, null);
            assertEquals(apply ? 422 : 200, reply.status(), reply.body());
            assertFalse(reply.json().path("applied").asBoolean());
            assertEquals("hors-perimetre", reply.json().path("errors").get(0).path("code").asText(), reply.body());
        }
        assertEquals("ESH", admin.get("/organisations/" + OTHER_FEDERATION).json().path("federation").asText());
        assertRefused(attacker.get("/organisations/" + OTHER_FEDERATION + "/users"));
        assertRefused(attacker.get("/organisations/" + OTHER_FEDERATION + "/dossiers"));
    }

    @Test
    void operatorsWithNationalRolesOrOfAnotherFederationAreNotCreatedOutsideTheNationalPerimeter() {
        Http admin = CLIENTS.get("saN");
        String operator = """
            {"login":"%s","firstName":"Alex","lastName":"Intrus (FICTIF)","email":"%s@example.org","federation":%s,
             "roles":["%s"]}""";
        assertRefused(CLIENTS.get("cmF").post("/operators", operator.formatted("intrus.national", "intrus.national",
            "null", "SUPER_ADMIN")));
        assertRefused(CLIENTS.get("cmF").post("/operators", operator.formatted("intrus.esh", "intrus.esh",
            "\"ESH\"", "CAMPAIGN_MANAGER")));
        assertRefused(CLIENTS.get("supF").post("/operators", operator.formatted("intrus.oph", "intrus.oph",
            "\"OPH\"", "SUPPORT")));
        for (String role : List.of("SUPER_ADMIN", "PLUGIN_MANAGER")) {
            Http.Reply federal = admin.post("/operators", operator.formatted("federal." + role.toLowerCase(),
                "federal." + role.toLowerCase(), "\"OPH\"", role));
            assertEquals(422, federal.status(), federal.body());
            assertEquals("role-national", federal.json().path("code").asText());
        }
        assertEquals(201, admin.post("/operators", operator.formatted("intrus.national", "intrus.national", "null",
            "SUPPORT")).status(), "the refused login was never created");
    }

    private static void assertRefused(Http.Reply reply) {
        assertTrue(refused(reply), "expected a refusal, got " + reply.status() + " " + reply.body());
        assertEquals("application/problem+json", reply.contentType().split(";")[0]);
        assertFalse(reply.json().path("detail").asText().isBlank());
    }

    private static boolean refused(Http.Reply reply) {
        return (reply.status() == 401 || reply.status() == 403)
            && Set.of("non-authentifie", "acces-refuse", "csrf-invalide").contains(code(reply));
    }

    private static String code(Http.Reply reply) {
        return reply.json() == null ? "" : reply.json().path("code").asText();
    }

    private static Http.Reply call(Http http, String operation, char target) {
        String method = operation.substring(0, operation.indexOf(' '));
        String siren = TARGETS.getOrDefault(target, OWN);
        String id = operation.contains("/dossiers/{id}") ? Long.toString(DOSSIERS.get(siren))
            : operation.contains("/deliveries/{id}") ? Long.toString(DELIVERIES.get(siren))
            : operation.contains("/users/{id}") ? Long.toString(userId) : "999999";
        String path = operation.substring(method.length() + 1)
            .replace("{siren}", siren)
            .replace("{id}", id)
            .replace("{code}/{version}", "ER/2025.1")
            .replace("{piece}", "999999")
            .replace("{control}", "CONTROLE_INCONNU")
            .replace("{target}", "RECIPIENT_INCONNU")
            .replace("{statement}", "999999")
            .replace("{kind}", "pdf")
            .replace("{peer}", "serveur-inconnu")
            .replace("{year}", "2025")
            .replace("{token}", "jeton-inconnu")
            .replace("{code}", "code-inconnu");
        boolean raw = path.endsWith("/import") || operation.equals("POST /plugins");
        String body = switch (method) {
            case "GET", "DELETE" -> null;
            default -> raw ? "" : BODIES.getOrDefault(operation, "{}");
        };
        String type = body == null ? null : operation.equals("POST /plugins") ? "application/java-archive"
            : raw ? "text/csv" : "application/json";
        return http.send(method, path, type, body, null);
    }
}
