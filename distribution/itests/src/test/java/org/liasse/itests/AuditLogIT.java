package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The audit log as an organisation administrator reads it, on the ministry distribution in demo mode: more than 200
 * entries made by real actions (API tokens created), filtered by author, action and period on the server,
 * paged, exported as CSV, never another organisation's entries; and the page in Chromium, in French sentences.
 */
class AuditLogIT {

    private static final String SIREN = "000000018";
    private static final String OTHER = "000000034";
    private static final int TOKENS = 210;

    private static Distribution ministry;
    private static Http administrator;

    @BeforeAll
    static void startWithManyEntries() throws Exception {
        ministry = Distribution.demo("ministry");
        administrator = Http.token(ministry.httpPort(), "AD_" + SIREN, Distribution.DEMO_PASSWORD);
        for (int i = 1; i <= TOKENS; i++) {
            assertEquals(201, administrator.post("/me/tokens", "{\"label\":\"journal " + i + "\",\"days\":1}").status());
        }
        Http other = Http.token(ministry.httpPort(), "AD_" + OTHER, Distribution.DEMO_PASSWORD);
        assertEquals(201, other.post("/me/tokens", "{\"label\":\"autre organisation\",\"days\":1}").status());
    }

    @AfterAll
    static void stop() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }

    private static List<JsonNode> entries(Http http, String query) {
        Http.Reply reply = http.get("/audit/organisations/" + SIREN + "?" + query);
        assertEquals(200, reply.status(), reply.body());
        return StreamSupport.stream(reply.json().spliterator(), false).toList();
    }

    @Test
    void filtersAndPagesPastTwoHundredEntries() {
        List<JsonNode> first = entries(administrator, "action=jeton.cree");
        List<JsonNode> second = entries(administrator, "action=jeton.cree&offset=200");

        assertEquals(200, first.size(), "200 to a page by default");
        assertEquals(TOKENS + 1 - 200, second.size(), "the tokens of the test and the one of the client");
        List<Long> sequences = new ArrayList<>();
        first.forEach(e -> sequences.add(e.path("sequence").asLong()));
        second.forEach(e -> sequences.add(e.path("sequence").asLong()));
        assertEquals(sequences.stream().sorted((a, b) -> Long.compare(b, a)).toList(), sequences, "newest first, no overlap");
        assertEquals(sequences.size(), new HashSet<>(sequences).size());
        for (JsonNode entry : first) {
            assertEquals("jeton.cree", entry.path("event").path("action").asText());
            assertEquals("AD_" + SIREN, entry.path("event").path("actor").asText());
            assertEquals(SIREN, entry.path("event").path("siren").asText());
        }
        assertEquals("journal " + TOKENS, first.get(0).path("event").path("target").asText());

        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        assertEquals(50, entries(administrator, "action=jeton.cree&du=" + today + "&au=" + today + "&limit=50").size());
        String todayInFrench = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertEquals(50, entries(administrator, "action=jeton.cree&du=" + todayInFrench + "&au=" + todayInFrench
            + "&limit=50").size(), "dates JJ/MM/AAAA as a person types them");
        assertEquals(List.of(), entries(administrator, "du=" + tomorrow));
        assertEquals(List.of(), entries(administrator, "acteur=personne"));
        List<JsonNode> byAdministrator = entries(administrator, "acteur=AD_" + SIREN + "&limit=1000");
        assertTrue(byAdministrator.size() > TOKENS, "the tokens and the sign-ins: " + byAdministrator.size());
        assertTrue(byAdministrator.stream().allMatch(e -> e.path("event").path("actor").asText().equals("AD_" + SIREN)));
    }

    @Test
    void thePagesOfOneReadingDoNotShiftWhenEntriesAreAdded() {
        String filter = "acteur=AD_" + SIREN + "&limit=10";
        List<JsonNode> first = entries(administrator, filter);
        String reading = filter + "&dernier=" + first.get(0).path("sequence").asLong();
        List<Long> second = sequences(entries(administrator, reading + "&offset=10"));

        Http.session(ministry.httpPort(), "AD_" + SIREN, Distribution.DEMO_PASSWORD);

        assertEquals(second, sequences(entries(administrator, reading + "&offset=10")), "the reading's second page");
        assertEquals(first.get(9).path("sequence").asLong(),
            entries(administrator, filter + "&offset=10").get(0).path("sequence").asLong(),
            "without dernier, the new sign-in pushes the first page's last entry onto the second");
        assertEquals(400, administrator.get("/audit/organisations/" + SIREN + "?dernier=zéro").status());
    }

    @Test
    void entriesReadAsFrenchSentencesWrittenByTheServer() {
        JsonNode entry = entries(administrator, "action=jeton.cree&limit=1").get(0);

        assertEquals("Jeton d’API créé", entry.path("label").asText());
        assertEquals("Jeton d’API « journal " + TOKENS + " » créé par AD_" + SIREN, entry.path("sentence").asText());
        assertEquals("AD_" + SIREN, entry.path("actorName").asText());
        JsonNode actions = administrator.get("/audit/actions").json();
        assertTrue(StreamSupport.stream(actions.spliterator(), false).anyMatch(action ->
            action.path("code").asText().equals("droits.modifies") && action.path("label").asText().equals("Droits modifiés")),
            actions.toString());
    }

    private static List<Long> sequences(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("sequence").asLong()).toList();
    }

    @Test
    void refusesAWrongFilterInFrench() {
        Http.Reply refused = administrator.get("/audit/organisations/" + SIREN + "?du=31/02/2025&limit=0");

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("filtre-invalide", refused.json().path("code").asText());
        refused = administrator.get("/audit/organisations/" + SIREN + "?du=31/02/2025");
        assertEquals("« 31/02/2025 » n’est pas une date JJ/MM/AAAA.", refused.json().path("errors").get(0).path("message").asText());
        assertEquals("du", refused.json().path("errors").get(0).path("field").asText());
        assertEquals(400, administrator.get("/audit/organisations/" + SIREN + "?limit=1001").status());
        assertEquals(400, administrator.get("/audit/organisations/" + SIREN + "?du=2026-06-02&au=2026-06-01").status());
    }

    @Test
    void exportsTheFilteredEntriesOfItsOrganisationOnly() {
        Http.Download csv = administrator.download("/audit/organisations/" + SIREN + "/export?action=jeton.cree");

        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("journal-audit-" + SIREN + ".csv"));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv.body()[0], csv.body()[1], csv.body()[2]));
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("N°;Date et heure (Paris);Action;Description;Code;Auteur;Adresse;SIREN;Cible;Détails;Empreinte",
            lines.get(0));
        assertEquals(TOKENS + 1, lines.size() - 1, "every filtered entry, past the 200 of a page");
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";", -1);
            assertEquals("Jeton d’API créé", fields[2], line);
            assertTrue(fields[3].matches("Jeton d’API « .+ » créé par AD_" + SIREN), line);
            assertEquals("jeton.cree", fields[4], line);
            assertEquals(SIREN, fields[7], line);
            assertTrue(fields[1].matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}"), line);
        }

        assertEquals(403, administrator.get("/audit/organisations/" + OTHER).status());
        assertEquals(403, administrator.download("/audit/organisations/" + OTHER + "/export").status());
        assertEquals(403, administrator.download("/audit/export").status());
        String all = new String(administrator.download("/audit/organisations/" + SIREN + "/export").body(),
            StandardCharsets.UTF_8);
        assertFalse(all.contains("autre organisation") || all.contains(OTHER), "nothing of another organisation");
    }

    @Test
    void thePageReadsInFrenchFiltersTurnsPagesAndLinksTheExport() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + ministry.httpPort())) {
            browser.signIn("AD_" + SIREN, Distribution.DEMO_PASSWORD, "/organisation/utilisateurs.html");
            browser.open("/journal.html");
            List<String> events = browser.all("#journal tbody tr td:nth-of-type(2)").stream().map(WebElement::getText)
                .toList();
            assertFalse(events.isEmpty());
            assertTrue(events.stream().anyMatch(text -> text.startsWith("Jeton d’API « journal " + TOKENS
                + " » créé par AD_" + SIREN)), events.toString());
            browser.checkPage("journal-administrateur");

            browser.choose("action", "jeton.cree").submit("filtres");
            browser.until(d -> browser.byId("page-courante").getText().equals("Entrées 1 à 200."));
            assertEquals(200, browser.all("#journal tbody tr").size());
            assertEquals("true", browser.byId("page-precedente").getDomAttribute("aria-disabled"));
            assertEquals("/api/v1/audit/organisations/" + SIREN + "/export?action=jeton.cree",
                browser.byId("export-csv").getDomAttribute("href"));

            browser.byId("page-suivante").click();
            browser.until(d -> browser.byId("page-courante").getText().equals("Entrées 201 à " + (TOKENS + 1) + "."));
            assertEquals("true", browser.byId("page-suivante").getDomAttribute("aria-disabled"));
            assertEquals("false", browser.byId("page-precedente").getDomAttribute("aria-disabled"));
            assertTrue(browser.all("#journal tbody tr td:nth-of-type(2)").stream().map(WebElement::getText)
                .allMatch(text -> text.startsWith("Jeton d’API « ")), "the oldest is the client's « tests » token");
            browser.checkPage("journal-page-suivante");

            browser.byId("page-precedente").click();
            browser.until(d -> browser.byId("page-courante").getText().equals("Entrées 1 à 200."));

            browser.fill("acteur", "personne").submit("filtres");
            browser.until(d -> browser.find("#journal tbody").getText()
                .contains("Aucune entrée ne correspond à ces filtres"));
            assertEquals("true", browser.byId("page-suivante").getDomAttribute("aria-disabled"));
        }
    }
}
