package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The workflow of dossiers over real HTTP on the real ministry assembly in demo mode: the steps the ER plugin
 * declares, the right each step needs, the guards (no error, warnings justified) checked by a stored verification,
 * protection once data entry is passed, « Modifier le dossier », sending back by the partner with a reason, the
 * history, concurrent transitions, and a closed campaign.
 */
class WorkflowIT {

    private static final String SIREN = "000000026";

    private static Distribution platform;
    /** Data-entry lead: may verify, not validate. */
    private static Http entry;
    /** Line manager: every dossier right. */
    private static Http manager;
    /** National super-administrator. */
    private static Http operator;
    /** National campaign manager of the partner: sees dossiers once handed over. */
    private static Http campaignManager;
    /** Administrator of another organisation. */
    private static Http stranger;
    private static long dossier;

    @BeforeAll
    static void start() throws Exception {
        platform = Distribution.demo("ministry");
        int port = platform.httpPort();
        operator = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
        Http administrator = Http.token(port, "AD_" + SIREN, Distribution.DEMO_PASSWORD);
        entry = Accounts.user(port, administrator, SIREN, "saisie.circuit", "RESPONSABLE_SAISIE");
        manager = Accounts.user(port, administrator, SIREN, "chef.circuit", "RESPONSABLE_HIERARCHIQUE");
        stranger = Http.token(port, "AD_000000018", Distribution.DEMO_PASSWORD);
        campaignManager = Accounts.operator(port, operator, "cm.circuit", "CAMPAIGN_MANAGER", null);
        for (JsonNode d : operator.get("/organisations/" + SIREN + "/dossiers").json()) {
            if (d.path("year").asInt() == 2025 && d.path("questionnaireCode").asText().equals("ER")) {
                dossier = d.path("id").asLong();
            }
        }
        assertTrue(dossier > 0, "the demo 2025 ER dossier");
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static JsonNode workflow(Http http) {
        Http.Reply reply = http.get("/dossiers/" + dossier + "/workflow");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("\"" + reply.json().path("revision").asLong() + "\"", reply.etag());
        return reply.json();
    }

    private static Http.Reply transition(Http http, String action, String reason) {
        String etag = http.get("/dossiers/" + dossier + "/workflow").etag();
        return http.post("/dossiers/" + dossier + "/workflow/" + action, etag, reason != null
            ? Dossiers.json(Map.of("reason", reason)) : action.equals("advance") ? Dossiers.ATTESTATION : "{}");
    }

    private static String advance(Http http) {
        Http.Reply reply = transition(http, "advance", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().path("step").asText();
    }

    private static Http.Reply save(Http http, Map<String, String> values) {
        return Dossiers.save(http, dossier, values);
    }

    /** The messages of the caller's notifications of one kind about the dossier. */
    private static List<String> notices(Http http, String kind) {
        Http.Reply reply = http.get("/me/notifications");
        assertEquals(200, reply.status(), reply.body());
        List<String> messages = new ArrayList<>();
        reply.json().forEach(n -> {
            if (n.path("kind").asText().equals(kind) && n.path("dossierId").asLong() == dossier) {
                messages.add(n.path("message").asText());
            }
        });
        return messages;
    }

    private static List<String> codes(JsonNode blocking) {
        List<String> codes = new ArrayList<>();
        blocking.forEach(b -> codes.add(b.path("code").asText()));
        return codes;
    }

    @Test
    void aDossierGoesThroughItsStepsIsSentBackCorrectedAndTransmitted() throws Exception {
        JsonNode start = workflow(entry);
        assertEquals("SAISIE", start.path("step").asText());
        assertEquals(List.of("SAISIE", "VERIFIE", "VALIDE", "FIABILISE", "SIGNE", "TRANSMIS"),
            start.path("steps").findValuesAsText("code"), "the steps the ER plugin declares");
        assertTrue(start.path("actions").path("advance").asBoolean(), "the entry lead may move it to « Vérifié »");
        assertFalse(start.path("actions").path("reopen").asBoolean());
        assertEquals(403, stranger.get("/dossiers/" + dossier + "/workflow").status(), "another organisation");

        // An error blocks the move, and lists the blocking control; nothing changes.
        Dossiers.enterCleanFiguresWithAWarning(entry, dossier);
        JsonNode values = entry.get("/dossiers/" + dossier).json().path("values");
        assertEquals(200, save(entry, Map.of("BILAN.TRESO.MONTANT",
            Dossiers.amount(values, "BILAN.TRESO.MONTANT").add(new BigDecimal("1000")).toPlainString())).status());
        Http.Reply blocked = transition(entry, "advance", null);
        assertEquals(409, blocked.status(), blocked.body());
        assertEquals("controles-bloquants", blocked.json().path("code").asText());
        assertEquals(List.of("ER_BILAN_EQUILIBRE"), codes(blocked.json().path("blocking")));
        assertEquals("SAISIE", workflow(entry).path("step").asText());
        assertEquals(200, entry.get("/dossiers/" + dossier + "/verifications/latest").status(),
            "the guard's verification run is stored");

        // Corrected: « Vérifié » only asks for no error; the warning does not block it.
        assertEquals(200, save(entry, Map.of("BILAN.TRESO.MONTANT",
            Dossiers.amount(values, "BILAN.TRESO.MONTANT").toPlainString())).status());
        assertEquals("VERIFIE", advance(entry));
        JsonNode verified = workflow(entry);
        assertTrue(verified.path("protectedFromEntry").asBoolean());
        Http.Reply refused = save(entry, Map.of("BILAN.TRESO.MONTANT", "1"));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("dossier-protege", refused.json().path("code").asText());
        Http.Reply upload = entry.upload("POST", "/dossiers/" + dossier + "/pieces?nom=note.txt", "text/plain",
            "note".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertEquals(409, upload.status(), upload.body());

        // The line manager is told the dossier awaits « Validé en interne »; the entry lead is not.
        assertTrue(notices(manager, "TO_ADVANCE").stream().anyMatch(m -> m.contains("« Validé en interne »")));
        assertTrue(notices(entry, "TO_ADVANCE").isEmpty());

        // « Validé en interne » needs dossier.avancer, and every warning justified.
        Http.Reply noRight = transition(entry, "advance", null);
        assertEquals(403, noRight.status(), noRight.body());
        assertEquals("droit-insuffisant", noRight.json().path("code").asText());
        Http.Reply unjustified = transition(manager, "advance", null);
        assertEquals(409, unjustified.status(), unjustified.body());
        List<String> warnings = codes(unjustified.json().path("blocking"));
        assertTrue(warnings.contains("ER_LOYERS_EVOLUTION"), warnings.toString());
        for (String warning : warnings) {
            assertEquals(200, Dossiers.justify(manager, dossier, warning,
                "Hausse expliquée par la livraison d'une résidence (FICTIF).").status());
        }
        String stale = manager.get("/dossiers/" + dossier + "/workflow").etag();
        assertEquals("VALIDE", advance(manager));
        Http.Reply late = manager.post("/dossiers/" + dossier + "/workflow/advance", stale, "{}");
        assertEquals(409, late.status(), late.body());
        assertEquals("dossier-modifie", late.json().path("code").asText());

        // The partner sees it only from « Fiabilisé » on, and sends it back with a reason.
        Http.Reply tooEarly = transition(operator, "send-back", "Trop tôt");
        assertEquals(409, tooEarly.status(), tooEarly.body());
        Http.Reply notYet = campaignManager.get("/dossiers/" + dossier);
        assertEquals(403, notYet.status(), notYet.body());
        assertEquals("dossier-non-remis", notYet.json().path("code").asText());
        assertEquals("FIABILISE", advance(manager));
        assertEquals(200, campaignManager.get("/dossiers/" + dossier).status(), "handed over to the partner");
        assertTrue(workflow(operator).path("actions").path("sendBack").asBoolean());
        Http.Reply noReason = transition(operator, "send-back", " ");
        assertEquals(422, noReason.status(), noReason.body());
        assertEquals("motif-obligatoire", noReason.json().path("code").asText());
        assertEquals(403, transition(manager, "send-back", "Moi-même").status(), "only the partner sends back");
        Http.Reply sentBack = transition(operator, "send-back", "Les loyers semblent surévalués : vérifiez-les.");
        assertEquals(200, sentBack.status(), sentBack.body());
        assertEquals("SAISIE", sentBack.json().path("step").asText());
        assertEquals(List.of("ER 2025 : dossier renvoyé par le partenaire. Motif : « Les loyers semblent surévalués : "
            + "vérifiez-les. »."), notices(entry, "SENT_BACK"));

        // Corrected, then up to « Signé » and « Transmis », where only the partner can send it back.
        assertEquals(200, save(entry, Map.of("ACTIVITE.LIVRAISONS.NOMBRE", "12")).status());
        assertEquals("VERIFIE", advance(entry));
        assertEquals("VALIDE", advance(manager));
        assertEquals("FIABILISE", advance(manager));
        Http.Reply reopened = transition(manager, "reopen", "Une correction de dernière minute.");
        assertEquals(200, reopened.status(), reopened.body());
        assertEquals("SAISIE", reopened.json().path("step").asText());
        assertEquals("VERIFIE", advance(manager));
        assertEquals("VALIDE", advance(manager));
        assertEquals("FIABILISE", advance(manager));
        assertEquals("SIGNE", advance(manager));
        assertEquals("TRANSMIS", advance(manager));
        Http.Reply locked = transition(manager, "reopen", null);
        assertEquals(409, locked.status(), locked.body());
        assertEquals("dossier-verrouille", locked.json().path("code").asText());
        Http.Reply last = transition(manager, "advance", null);
        assertEquals(409, last.status(), last.body());
        assertEquals("transition-interdite", last.json().path("code").asText());

        JsonNode history = workflow(manager).path("history");
        List<String> kinds = history.findValuesAsText("kind");
        assertEquals(List.of("ADVANCE", "ADVANCE", "ADVANCE", "SEND_BACK", "ADVANCE", "ADVANCE", "ADVANCE", "REOPEN",
            "ADVANCE", "ADVANCE", "ADVANCE", "ADVANCE", "ADVANCE"), kinds);
        JsonNode sendBack = history.get(3);
        assertEquals("operateur.demo", sendBack.path("actor").asText());
        assertEquals("FIABILISE", sendBack.path("from").asText());
        assertEquals("Les loyers semblent surévalués : vérifiez-les.", sendBack.path("reason").asText());
        assertEquals("chef.circuit", history.get(7).path("actor").asText());
    }

    @Test
    void ofTwoConcurrentTransitionsOneWinsAndAClosedCampaignRefusesThem() throws Exception {
        int port = platform.httpPort();
        Http administrator = Http.token(port, "AD_000000034", Distribution.DEMO_PASSWORD);
        Http first = Accounts.user(port, administrator, "000000034", "chef1.circuit", "RESPONSABLE_HIERARCHIQUE");
        Http second = Accounts.user(port, administrator, "000000034", "chef2.circuit", "RESPONSABLE_HIERARCHIQUE");
        long other = 0;
        for (JsonNode d : operator.get("/organisations/000000034/dossiers").json()) {
            if (d.path("year").asInt() == 2025 && d.path("questionnaireCode").asText().equals("ER")) {
                other = d.path("id").asLong();
            }
        }
        String path = "/dossiers/" + other + "/workflow/";
        Dossiers.enterCleanFiguresWithAWarning(first, other);
        String etag = first.get("/dossiers/" + other + "/workflow").etag();
        // « Vérifié » only needs no error, which the figures just entered guarantee: both attempts may pass it.
        CompletableFuture<Http.Reply> a = CompletableFuture.supplyAsync(() -> first.post(path + "advance", etag, "{}"));
        CompletableFuture<Http.Reply> b = CompletableFuture.supplyAsync(() -> second.post(path + "advance", etag, "{}"));
        List<Integer> statuses = new ArrayList<>(List.of(a.get().status(), b.get().status()));
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses, a.get().body() + b.get().body());
        JsonNode after = first.get("/dossiers/" + other + "/workflow").json();
        assertEquals("VERIFIE", after.path("step").asText());
        assertEquals(1, after.path("history").size(), "one transition recorded");

        Http.Reply closed = operator.put("/campaigns/2025/state", operator.get("/campaigns/2025").etag(),
            "{\"state\":\"CLOSED\"}");
        assertEquals(200, closed.status(), closed.body());
        try {
            Http.Reply refused = first.post(path + "reopen", first.get("/dossiers/" + other + "/workflow").etag(), "{}");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("campagne-fermee", refused.json().path("code").asText());
            assertEquals(after.path("revision").asLong(),
                first.get("/dossiers/" + other + "/workflow").json().path("revision").asLong(), "nothing changed");
        } finally {
            assertEquals(200, operator.put("/campaigns/2025/state", operator.get("/campaigns/2025").etag(),
                "{\"state\":\"OPEN\"}").status());
        }
    }
}
