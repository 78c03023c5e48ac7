package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin mapping end to end on the real OPH assembly: the QDIS plugin's accounting-export mapping is offered after
 * the built-in one, and translates account numbers into cells in CSV and XML.
 */
class MappingImportIT {

    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String SIREN = "000000067";

    private static Distribution oph;
    private static Http entry;
    private static long dossier;

    @BeforeAll
    static void start() throws Exception {
        oph = Distribution.unpack("oph", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD));
        oph.setProperty("etc/org.liasse.identity.cfg", "show.activation.codes", "true");
        oph.start();
        int port = oph.httpPort();
        Await.until("health", 120_000, () -> oph.http().get("/health"), r -> r.status() == 200);
        Http admin = Http.token(port, "admin", ADMIN_PASSWORD);
        assertEquals(201, admin.post("/campaigns", """
            {"year":2025,"label":"Campagne 2025","opening":"2026-04-01","deadline":"2026-07-31","state":"OPEN"}
            """).status());
        Http administrator = Accounts.organisation(port, admin, SIREN, "OPH", "OPH");
        entry = Accounts.user(port, administrator, SIREN, "saisie." + SIREN, "RESPONSABLE_HIERARCHIQUE");
        Http.Reply created = Await.until("QDIS dossier", 60_000,
            () -> entry.post("/organisations/" + SIREN + "/dossiers", "{\"year\":2025,\"questionnaire\":\"QDIS\"}"),
            reply -> reply.status() == 201);
        dossier = created.json().path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (oph != null) {
            oph.close();
        }
    }

    private static Http.Reply upload(String format, String content, boolean apply, String ifMatch) {
        return entry.upload("POST", "/dossiers/" + dossier + "/imports?format=" + format + "&mapping=EXPORT_COMPTABLE&apply="
            + apply, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8), ifMatch);
    }

    @Test
    void accountNumbersFillTheirCellsInCsvAndXml() {
        JsonNode mappings = entry.get("/dossiers/" + dossier + "/mappings").json();
        List<String> codes = new ArrayList<>();
        mappings.forEach(mapping -> codes.add(mapping.path("code").asText()));
        assertEquals(List.of("LIASSE", "EXPORT_COMPTABLE"), codes);
        assertEquals("compte", mappings.get(1).path("keyColumn").asText());
        assertEquals(2, mappings.get(1).path("keys").asInt());

        Http.Reply dryRun = upload("csv", "compte;libelle;solde\n706;Loyers;1 500,00\n60;Charges;400\n999;Divers;1\n", false, null);
        assertEquals(200, dryRun.status(), dryRun.body());
        JsonNode problem = dryRun.json().path("problems").get(0);
        assertEquals(1, dryRun.json().path("problems").size(), dryRun.body());
        assertEquals("cle-inconnue", problem.path("code").asText());
        assertEquals(4, problem.path("line").asInt());
        assertEquals(1, problem.path("column").asInt());

        long revision = entry.get("/dossiers/" + dossier).json().path("revision").asLong();
        Http.Reply applied = upload("csv", "compte;libelle;solde\n706;Loyers;1 500,00\n60;Charges;400\n", true, "\"" + revision + "\"");
        assertEquals(200, applied.status(), applied.body());
        assertEquals(2, applied.json().path("changes").size());
        JsonNode values = entry.get("/dossiers/" + dossier).json().path("values");
        assertEquals(0, new java.math.BigDecimal(values.path("CR.LOYERS.MONTANT").asText()).compareTo(new java.math.BigDecimal("1500")));
        assertEquals(0, new java.math.BigDecimal(values.path("CR.ACHATS.MONTANT").asText()).compareTo(new java.math.BigDecimal("400")));

        Http.Reply xml = upload("xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <balance exercice="2025"><ligne compte="706">1500.00</ligne><ligne compte="60">450.50</ligne></balance>
            """, false, null);
        assertEquals(200, xml.status(), xml.body());
        assertEquals(0, xml.json().path("problems").size(), xml.body());
        assertEquals(1, xml.json().path("changes").size(), xml.body());
        assertEquals("CR.ACHATS.MONTANT", xml.json().path("changes").get(0).path("cell").asText());
        assertEquals(2, xml.json().path("changes").get(0).path("line").asInt());
    }
}
