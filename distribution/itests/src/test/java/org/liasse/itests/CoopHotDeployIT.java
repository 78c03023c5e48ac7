package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The coop federation corrects a control of its survey plugin in the middle of the campaign, on its running
 * assembly: a new version of the real plugin bundle (same symbolic name, the control relaxed) is dropped into
 * {@code deploy/}; the verified survey is re-verified in the background, the impact report shows the warning newly
 * passing, the organisation sees its new result, nothing was restarted and the entered values are intact.
 */
class CoopHotDeployIT {

    private static final String PLUGIN = "org.liasse.coop.enquetes";
    private static final String SIREN = "000000034";
    private static final String CONTROL = "COOP_CAPITAL_COMPLET";

    @Test
    void aCorrectedSurveyControlIsHotDeployedAndItsImpactReported() throws Exception {
        try (Distribution coop = Distribution.partnerDemo("coop", d -> { })) {
            int port = coop.httpPort();
            long pid = coop.javaProcess().pid();
            Http operator = Http.token(port, "operateur.demo", Distribution.DEMO_PASSWORD);
            Http administrator = Http.token(port, "AD_" + SIREN, Distribution.DEMO_PASSWORD);
            Http entry = Accounts.user(port, administrator, SIREN, "saisie.enquetes", "RESPONSABLE_SAISIE");
            long id = dossier(entry);

            String etag = entry.get("/dossiers/" + id).etag();
            Http.Reply saved = entry.patch("/dossiers/" + id + "/values", etag, """
                {"values":{"ACTIONNARIAT.ACTIONNAIRES_1.PART_CAPITAL":"40","ACTIONNARIAT.ACTIONNAIRES_2.PART_CAPITAL":"30"}}""");
            assertEquals(200, saved.status(), saved.body());
            Http.Reply run = entry.post("/dossiers/" + id + "/verifications", "");
            assertEquals(201, run.status(), run.body());
            assertTrue(failed(run.json()).contains(CONTROL), run.body());

            deploy(coop, "0.1.1", ">= 99", ">= 60");
            JsonNode summary = Await.until("impact report of the corrected plugin", 120_000, () -> {
                for (JsonNode report : operator.get("/impacts").json()) {
                    if (report.path("trigger").asText().equals(PLUGIN + " 0.1.1")
                        && !report.path("state").asText().equals("RUNNING")) {
                        return report;
                    }
                }
                return null;
            }, report -> report != null);
            assertEquals("DONE", summary.path("state").asText(), summary.toString());
            JsonNode report = operator.get("/impacts/" + summary.path("id").asLong()).json();
            assertEquals("ENQ_ACTIONNARIAT", report.path("questionnaireCode").asText());
            assertEquals(1, report.path("newlyPassing").asInt(), report.toString());
            assertEquals(0, report.path("newlyFailing").asInt(), report.toString());
            JsonNode line = report.path("lines").get(0);
            assertEquals(id, line.path("dossierId").asLong());
            assertEquals(CONTROL, line.path("newlyPassing").get(0).asText());

            JsonNode latest = entry.get("/dossiers/" + id + "/verifications/latest").json();
            assertEquals(PLUGIN + " 0.1.1", latest.path("trigger").asText());
            assertFalse(failed(latest).contains(CONTROL), latest.toString());
            assertEquals(2, entry.get("/dossiers/" + id + "/verifications").json().size(), "history keeps both runs");
            assertEquals(0, new java.math.BigDecimal("40").compareTo(new java.math.BigDecimal(entry.get("/dossiers/" + id)
                .json().path("values").path("ACTIONNARIAT.ACTIONNAIRES_1.PART_CAPITAL").asText())), "no data lost");
            assertEquals(pid, coop.javaProcess().pid(), "nothing was restarted");
        }
    }

    private static long dossier(Http entry) {
        for (JsonNode dossier : entry.get("/organisations/" + SIREN + "/dossiers").json()) {
            if (dossier.path("year").asInt() == 2025
                && dossier.path("questionnaireCode").asText().equals("ENQ_ACTIONNARIAT")) {
                return dossier.path("id").asLong();
            }
        }
        throw new AssertionError("no 2025 shareholding survey in the coop demo");
    }

    private static List<String> failed(JsonNode verification) {
        List<String> codes = new ArrayList<>();
        verification.path("outcomes").forEach(o -> {
            if (o.path("status").asText().equals("FAILED")) {
                codes.add(o.path("code").asText());
            }
        });
        return codes;
    }

    /** The installed plugin's definitions, one control rewritten, as a new version of the same bundle. */
    private static void deploy(Distribution coop, String version, String from, String to) throws IOException {
        coop.deploy(PLUGIN + "-" + version + ".jar", PluginJar.copyOf(coop.shippedJar(PLUGIN), PLUGIN, version,
            "controls/enquetes.json", from, to).bytes());
    }
}
