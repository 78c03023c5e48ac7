package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.Test;

/** The ministry distribution on a real PostgreSQL server instead of Derby, by changing its configuration only. */
class PostgresIT {

    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String DATABASE_PASSWORD = "mot-de-passe-postgres-de-test";
    private static final String DATASOURCE = "etc/org.ops4j.datasource-liasse.cfg";

    @Test
    void theSchemaValuesAndAuditLiveInPostgresqlAndSurviveARestart() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(DATABASE_PASSWORD);
             Distribution ministry = Distribution.unpack("ministry", Map.of("LIASSE_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            ministry.setProperty(DATASOURCE, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
            ministry.setProperty(DATASOURCE, "url", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/liasse");
            ministry.setProperty(DATASOURCE, "user", "liasse");
            ministry.setProperty(DATASOURCE, "password", DATABASE_PASSWORD);
            ministry.setProperty("etc/org.liasse.identity.cfg", "show.activation.codes", "true");
            ministry.start();
            Await.until("health", 120_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
            int port = ministry.httpPort();
            Http admin = Http.token(port, "admin", ADMIN_PASSWORD);
            String database = admin.get("/health").json().path("components").path("database").path("detail").asText();
            assertTrue(database.startsWith("PostgreSQL") && database.contains("version 21"), database);
            assertEquals(201, admin.post("/campaigns", """
                {"year":2025,"label":"Campagne 2025","opening":"2026-04-01","deadline":"2026-07-31","state":"OPEN"}
                """).status());
            Http administrator = Accounts.organisation(port, admin, "000000141", "OPH", "OPH");
            Http entry = Accounts.user(port, administrator, "000000141", "saisie.pg", "RESPONSABLE_SAISIE");
            Http.Reply dossier = entry.post("/organisations/000000141/dossiers", "{\"year\":2025,\"questionnaire\":\"ER\"}");
            assertEquals(201, dossier.status(), dossier.body());
            long id = dossier.json().path("id").asLong();
            Http.Reply saved = entry.patch("/dossiers/" + id + "/values", dossier.etag(),
                "{\"values\":{\"BILAN.IMMO.MONTANT\":\"1 234,56\",\"IDENT.NOM.VALEUR\":\"Camille Exemple\","
                    + "\"CR.LOYERS.MONTANT\":\"98 765,43\"}}");
            assertEquals(200, saved.status(), saved.body());

            assertEquals("1234.560000", postgres.psql(
                "SELECT num_value FROM cell_value WHERE cell_code = 'BILAN.IMMO.MONTANT'"), "an exact decimal in PostgreSQL");
            assertEquals("21", postgres.psql("SELECT MAX(version) FROM schema_history"));
            Http.Download summary = admin.download("/campaigns/2025/reports/SYNTHESE?format=pdf");
            assertEquals(200, summary.status());
            try (PDDocument pdf = Loader.loadPDF(summary.body())) {
                String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
                // The campaign scan finds the open dossier in PostgreSQL; its figures are withheld, since it is not
                // handed over to the partner yet (statistical secret, issue 19)
                assertTrue(text.contains("Ensemble Tous les organismes 1 1 0"), "the scan finds the dossier: " + text);
                assertTrue(text.contains("0 secret statistique") && !text.contains("98 765,43"), text);
            }

            ministry.stop();
            ministry.start();
            Await.until("health after restart", 120_000, () -> ministry.http().get("/health"), r -> r.status() == 200);
            Http.Reply reloaded = Http.token(port, "saisie.pg", Accounts.PASSWORD).get("/dossiers/" + id);
            assertEquals("1234.56", reloaded.json().path("values").path("BILAN.IMMO.MONTANT").asText());
            assertTrue(Http.token(port, "admin", ADMIN_PASSWORD).get("/audit/verification").json()
                .path("intact").asBoolean(), "the hash chain survives PostgreSQL's timestamp round trip");
        }
    }
}
