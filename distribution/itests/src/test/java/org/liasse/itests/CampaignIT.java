package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Campaigns over real HTTP on the ministry distribution in demo mode: the questionnaires a campaign collects with
 * their deadlines, optimistic locking of campaign changes, and the allowed moves between states with their effect
 * on dossiers.
 */
class CampaignIT {

    private static final String SIREN = "000000018";

    private static Distribution ministry;
    private static Http operator;
    private static Http entry;

    @BeforeAll
    static void start() throws Exception {
        ministry = Distribution.demo("ministry");
        operator = Http.token(ministry.httpPort(), "operateur.demo", Distribution.DEMO_PASSWORD);
        entry = Http.token(ministry.httpPort(), "saisie.demo", Distribution.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static String campaign(int year, String state, String questionnaires) {
        return "{\"year\":" + year + ",\"label\":\"Campagne " + year + "\",\"opening\":\"" + (year + 1) + "-04-01\","
            + "\"deadline\":\"" + (year + 1) + "-07-31\",\"state\":\"" + state + "\",\"questionnaires\":["
            + questionnaires + "]}";
    }

    /** Moves a campaign with its current revision in If-Match. */
    private static Http.Reply state(int year, String state) {
        return operator.put("/campaigns/" + year + "/state", operator.get("/campaigns/" + year).etag(),
            "{\"state\":\"" + state + "\"}");
    }

    private static Http.Reply initialise(int year, String questionnaire) {
        return entry.post("/organisations/" + SIREN + "/dossiers",
            "{\"year\":" + year + ",\"questionnaire\":\"" + questionnaire + "\"}");
    }

    @Test
    void aCampaignCollectsItsQuestionnairesUnderThePinnedVersionOnceOpen() {
        Http.Reply created = operator.post("/campaigns", campaign(2026, "PREPARATION",
            "{\"code\":\"ER\",\"deadline\":\"2027-06-30\"}"));
        assertEquals(201, created.status(), created.body());
        assertEquals("\"1\"", created.etag());
        assertEquals("2027-06-30", created.json().path("questionnaires").get(0).path("deadline").asText());

        assertEquals("campagne-fermee", initialise(2026, "ER").json().path("code").asText(), "not open yet");
        assertEquals("OPEN", state(2026, "OPEN").json().path("state").asText());
        assertEquals("questionnaire-indisponible", initialise(2026, "ER").json().path("code").asText(),
            "no ER version declares 2026");
        assertEquals("questionnaire-hors-campagne", initialise(2026, "QDIS").json().path("code").asText());

        String etag = operator.get("/campaigns/2026").etag();
        Http.Reply pinned = operator.put("/campaigns/2026", etag, campaign(2026, "OPEN",
            "{\"code\":\"ER\",\"version\":\"2025.1\",\"deadline\":\"2027-06-15\"}"));
        assertEquals(200, pinned.status(), pinned.body());
        Http.Reply dossier = initialise(2026, "ER");
        assertEquals(201, dossier.status(), dossier.body());
        assertEquals("2025.1", dossier.json().path("questionnaireVersion").asText());

        Http.Reply removal = operator.put("/campaigns/2026", pinned.etag(), campaign(2026, "OPEN", ""));
        assertEquals(409, removal.status());
        assertEquals("questionnaire-utilise", removal.json().path("code").asText());
        Http.Reply stale = operator.put("/campaigns/2026", etag, campaign(2026, "OPEN",
            "{\"code\":\"ER\",\"version\":\"2025.1\",\"deadline\":\"2027-06-15\"}"));
        assertEquals(412, stale.status());
        assertEquals(428, operator.put("/campaigns/2026", null, campaign(2026, "OPEN", "")).status());
        Http.Reply outside = operator.put("/campaigns/2026", pinned.etag(), campaign(2026, "OPEN",
            "{\"code\":\"ER\",\"version\":\"2025.1\",\"deadline\":\"2030-01-01\"}"));
        assertEquals(422, outside.status());
        assertEquals("echeance-hors-campagne", outside.json().path("errors").get(0).path("code").asText());
        assertEquals(pinned.etag(), operator.get("/campaigns/2026").etag(), "refused changes change nothing");
    }

    @Test
    void statesMoveOnlyAlongTheLifecycleAndAClosedCampaignIsReadOnlyUntilReopened() {
        assertEquals(201, operator.post("/campaigns", campaign(2027, "OPEN",
            "{\"code\":\"ER\",\"version\":\"2025.1\",\"deadline\":\"2028-06-30\"}")).status());
        Http.Reply dossier = initialise(2027, "ER");
        assertEquals(201, dossier.status(), dossier.body());
        Http.Reply archived = state(2027, "ARCHIVED");
        assertEquals(409, archived.status());
        assertEquals("transition-interdite", archived.json().path("code").asText());
        assertTrue(archived.json().path("detail").asText().contains("« ouverte »"), archived.body());

        String stale = operator.get("/campaigns/2027").etag();
        Http.Reply withoutIfMatch = operator.put("/campaigns/2027/state", null, "{\"state\":\"CLOSED\"}");
        assertEquals(428, withoutIfMatch.status(), withoutIfMatch.body());
        assertEquals("if-match-requis", withoutIfMatch.json().path("code").asText());
        assertEquals("CLOSED", state(2027, "CLOSED").json().path("state").asText());
        Http.Reply late = operator.put("/campaigns/2027/state", stale, "{\"state\":\"OPEN\"}");
        assertEquals(412, late.status(), "someone closed it meanwhile: " + late.body());
        assertEquals("revision-perimee", late.json().path("code").asText());
        assertEquals("CLOSED", operator.get("/campaigns/2027").json().path("state").asText());
        long id = dossier.json().path("id").asLong();
        String etag = entry.get("/dossiers/" + id).etag();
        Http.Reply closed = entry.patch("/dossiers/" + id + "/values", etag, "{\"values\":{\"IDENT.NOM.VALEUR\":\"X\"}}");
        assertEquals("campagne-fermee", closed.json().path("code").asText());

        assertEquals("OPEN", state(2027, "OPEN").json().path("state").asText(), "reopened");
        assertEquals(200, entry.patch("/dossiers/" + id + "/values", etag,
            "{\"values\":{\"IDENT.NOM.VALEUR\":\"X\"}}").status());
        assertEquals("CLOSED", state(2027, "CLOSED").json().path("state").asText());
        assertEquals("ARCHIVED", state(2027, "ARCHIVED").json().path("state").asText());
        Http.Reply frozen = operator.put("/campaigns/2027", operator.get("/campaigns/2027").etag(),
            campaign(2027, "ARCHIVED", ""));
        assertEquals("campagne-archivee", frozen.json().path("code").asText());
        assertEquals(403, entry.put("/campaigns/2027/state", null, "{\"state\":\"OPEN\"}").status(),
            "organisations do not manage campaigns");
        assertEquals(200, entry.get("/dossiers/" + id).status(), "an archived campaign stays readable");
    }
}
