package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data entry over real HTTP on the real ministry assembly in demo mode (five closed past campaigns with filled ER
 * dossiers, an open 2025 one): computed cells recomputed on save with exact decimals, a save refused as a whole
 * with one error per cell, stale writes refused with the cells changed meanwhile, cell history, year N-1 and the
 * past campaigns read-only, the diff between questionnaire versions, and other organisations kept out.
 */
class DataEntryIT {

    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;
    private static final String SIREN = "000000018";
    private static final String OTHER_SIREN = "000000026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Distribution platform;
    /** Data-entry lead of {@link #SIREN} (demo account). */
    private static Http entry;
    /** A second data-entry user of the same organisation. */
    private static Http colleague;
    private static String colleagueLogin;
    /** Administrator of the same organisation: may read, may not enter. */
    private static Http ownAdministrator;
    /** Administrator of another organisation. */
    private static Http otherAdministrator;
    /** The open 2025 ER dossier of {@link #SIREN}. */
    private static long dossier;

    @BeforeAll
    static void start() throws Exception {
        platform = Distribution.demo("ministry");
        int port = platform.httpPort();
        entry = Http.token(port, "saisie.demo", DEMO_PASSWORD);
        Http operator = Http.token(port, "operateur.demo", DEMO_PASSWORD);
        // Demo data is loaded in the background; the last step saves the identification of the last organisation.
        Await.until("demo dossiers", 120_000, () -> dossierOf(operator, "000000034", 2025),
            d -> d != null && d.path("revision").asLong() > 1);
        dossier = dossierOf(entry, SIREN, 2025).path("id").asLong();
        ownAdministrator = Http.token(port, "AD_" + SIREN, DEMO_PASSWORD);
        otherAdministrator = Http.token(port, "AD_" + OTHER_SIREN, DEMO_PASSWORD);
        colleagueLogin = "saisie2." + SIREN;
        colleague = Accounts.user(port, ownAdministrator, SIREN, colleagueLogin, "RESPONSABLE_SAISIE");
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    /** The organisation's ER dossier of a campaign year, or null. */
    private static JsonNode dossierOf(Http http, String siren, int year) {
        Http.Reply list = http.get("/organisations/" + siren + "/dossiers");
        if (list.status() != 200) {
            return null;
        }
        for (JsonNode d : list.json()) {
            if (d.path("year").asInt() == year && d.path("questionnaireCode").asText().equals("ER")) {
                return d;
            }
        }
        return null;
    }

    private static String body(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(Map.of("values", values));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads the dossier then saves the changes with its ETag; the save must succeed. */
    private static JsonNode save(Http http, Map<String, String> values) {
        Http.Reply read = http.get("/dossiers/" + dossier);
        assertEquals(200, read.status(), read.body());
        Http.Reply saved = http.patch("/dossiers/" + dossier + "/values", read.etag(), body(values));
        assertEquals(200, saved.status(), saved.body());
        assertEquals("\"" + saved.json().path("revision").asLong() + "\"", saved.etag(), "the ETag is the new revision");
        return saved.json().path("values");
    }

    private static Map<String, String> map(String... cellsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cellsAndValues.length; i += 2) {
            values.put(cellsAndValues[i], cellsAndValues[i + 1]);
        }
        return values;
    }

    /** The text of a JSON value, null when it is null or absent. */
    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Map<String, String> values(JsonNode values) {
        Map<String, String> map = new TreeMap<>();
        values.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** The codes of the per-cell errors of a problem document, by cell. */
    private static Map<String, String> errors(Http.Reply reply) {
        Map<String, String> errors = new TreeMap<>();
        reply.json().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("code").asText()));
        return errors;
    }

    @Test
    void aSaveReturnsTheRecomputedTotalsAndRatios() {
        JsonNode values = save(entry, map(
            "BILAN.IMMO_INCORP.MONTANT", "1 250,50",
            "BILAN.IMMO.MONTANT", "8250000",
            "BILAN.IMMO_FIN.MONTANT", "12000.25",
            "BILAN.STOCKS.MONTANT", "0",
            "BILAN.CREANCES.MONTANT", "45300.10",
            "BILAN.AUTRES_CREANCES.MONTANT", "-200.85",
            "BILAN.TRESO.MONTANT", "300000",
            "PATRIMOINE.PLAI.NOMBRE", "120",
            "PATRIMOINE.PLAI.VACANTS", "3",
            "PATRIMOINE.PLUS.NOMBRE", "0",
            "PATRIMOINE.PLUS.VACANTS", "0",
            "PATRIMOINE.PLS.NOMBRE", "300",
            "PATRIMOINE.PLS.VACANTS", "7",
            "IDENT.ACTIONNAIRES_1.PART", "40,5",
            "IDENT.ACTIONNAIRES_2.PART", "30.25",
            "IDENT.ACTIONNAIRES_7.PART", "9.25"));
        assertEquals("8608350", values.path("BILAN.TOTAL_ACTIF.MONTANT").asText(), "sum of the seven actif rows");
        assertEquals("1250.5", values.path("BILAN.IMMO_INCORP.MONTANT").asText(), "French input stored canonically");
        assertEquals("2.5", values.path("PATRIMOINE.PLAI.TAUX_VACANCE").asText(), "3 / 120 × 100");
        assertEquals("2.33", values.path("PATRIMOINE.PLS.TAUX_VACANCE").asText(), "7 / 300 × 100 rounded to 2 places");
        assertTrue(values.path("PATRIMOINE.PLUS.TAUX_VACANCE").isMissingNode(), "a division by zero leaves the ratio empty");
        assertEquals("10", values.path("PATRIMOINE.TOTAL_LOGEMENTS.VACANTS").asText());
        assertEquals("420", values.path("PATRIMOINE.TOTAL_LOGEMENTS.NOMBRE").asText());
        assertEquals("80", values.path("IDENT.CAPITAL_TOTAL.PART").asText(), "sum over the rows of a repeating table");

        JsonNode after = save(entry, map("IDENT.ACTIONNAIRES_2.PART", "", "BILAN.TRESO.MONTANT", "299999.99"));
        assertTrue(after.path("IDENT.ACTIONNAIRES_2.PART").isMissingNode(), "an empty value clears the cell");
        assertEquals("49.75", after.path("IDENT.CAPITAL_TOTAL.PART").asText(), "totals follow a cleared cell");
        assertEquals("8608349.99", after.path("BILAN.TOTAL_ACTIF.MONTANT").asText());
        assertEquals(values(after), values(entry.get("/dossiers/" + dossier).json().path("values")),
            "what the save answers is what is stored");
    }

    @Test
    void decimalsAreExactNeverBinaryFloatingPoint() {
        JsonNode values = save(entry, map(
            "PATRIMOINE.PLAI.SURFACE", "0.1",
            "PATRIMOINE.PLUS.SURFACE", "0.2",
            "PATRIMOINE.PLS.SURFACE", "", "PATRIMOINE.PLI.SURFACE", "", "PATRIMOINE.NON_CONV.SURFACE", "",
            "CR.LOYERS.MONTANT", "1234567890123456789.01",
            "CR.CHARGES_RECUP.MONTANT", "0.02",
            "CR.PRODUITS_FIN.MONTANT", "", "CR.PRODUITS_EXC.MONTANT", ""));
        assertEquals("0.3", values.path("PATRIMOINE.TOTAL_LOGEMENTS.SURFACE").asText(), "0.1 + 0.2");
        assertEquals("1234567890123456789.03", values.path("CR.TOTAL_PRODUITS.MONTANT").asText(),
            "19 significant digits kept (a double keeps 15 to 17)");
        assertEquals("1234567890123456789.01", values.path("CR.LOYERS.MONTANT").asText());
    }

    @Test
    void aSaveWithSeveralBadCellsIsRefusedAsAWholeWithOneErrorPerCellAndNothingStored() {
        Http.Reply before = entry.get("/dossiers/" + dossier);
        int historyBefore = entry.get("/dossiers/" + dossier + "/history?cell=BILAN.DETTES.MONTANT").json().size();
        Map<String, String> changes = map(
            "BILAN.DETTES.MONTANT", "1000",
            "BILAN.STOCKS.MONTANT", "douze",
            "BILAN.TRESO.MONTANT", "10,123",
            "PATRIMOINE.PLI.NOMBRE", "-3",
            "PATRIMOINE.NON_CONV.NOMBRE", "2.5",
            "IDENT.ACTIONNAIRES_1.PART", "150",
            "IDENT.NOM.VALEUR", "x".repeat(121),
            "IDENT.ORG.CATEGORIE", "HLM",
            "IDENT.ORG.CLOTURE", "31/13/2025",
            "IDENT.ORG.CONVENTION", "peut-être",
            "BILAN.INCONNUE.MONTANT", "1",
            "BILAN.TOTAL_PASSIF.MONTANT", "1",
            "IDENT.ACTIONNAIRES_21.PART", "1");
        Http.Reply refused = entry.patch("/dossiers/" + dossier + "/values", before.etag(), body(changes));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("saisie-invalide", refused.json().path("code").asText());
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
            Map.entry("BILAN.STOCKS.MONTANT", "nombre-invalide"),
            Map.entry("BILAN.TRESO.MONTANT", "trop-de-decimales"),
            Map.entry("PATRIMOINE.PLI.NOMBRE", "valeur-trop-petite"),
            Map.entry("PATRIMOINE.NON_CONV.NOMBRE", "entier-invalide"),
            Map.entry("IDENT.ACTIONNAIRES_1.PART", "valeur-trop-grande"),
            Map.entry("IDENT.NOM.VALEUR", "texte-trop-long"),
            Map.entry("IDENT.ORG.CATEGORIE", "code-inconnu"),
            Map.entry("IDENT.ORG.CLOTURE", "date-invalide"),
            Map.entry("IDENT.ORG.CONVENTION", "booleen-invalide"),
            Map.entry("BILAN.INCONNUE.MONTANT", "cellule-inconnue"),
            Map.entry("BILAN.TOTAL_PASSIF.MONTANT", "cellule-calculee"),
            Map.entry("IDENT.ACTIONNAIRES_21.PART", "cellule-inconnue")));
        assertEquals(expected, errors(refused), "one error per refused cell, none for the valid one");
        assertEquals(12, refused.json().path("errors").size());
        refused.json().path("errors").forEach(e -> assertFalse(e.path("message").asText().isBlank(), "a French message"));

        Http.Reply after = entry.get("/dossiers/" + dossier);
        assertEquals(before.etag(), after.etag(), "the revision did not move");
        assertEquals(values(before.json().path("values")), values(after.json().path("values")), "no value changed");
        assertEquals(historyBefore, entry.get("/dossiers/" + dossier + "/history?cell=BILAN.DETTES.MONTANT").json().size(),
            "the valid cell of the refused save left no history");
    }

    @Test
    void computedCellsAreNotEnteredAndRequiredCellsAreNotCleared() {
        Http.Reply before = entry.get("/dossiers/" + dossier);
        assertEquals("OPH", before.json().path("values").path("IDENT.ORG.CATEGORIE").asText(), "demo identification");
        Http.Reply computed = entry.patch("/dossiers/" + dossier + "/values", before.etag(),
            body(map("BILAN.TOTAL_ACTIF.MONTANT", "1")));
        assertEquals(422, computed.status(), computed.body());
        assertEquals(Map.of("BILAN.TOTAL_ACTIF.MONTANT", "cellule-calculee"), errors(computed));
        Http.Reply cleared = entry.patch("/dossiers/" + dossier + "/values", before.etag(),
            body(map("IDENT.ORG.CATEGORIE", " ")));
        assertEquals(422, cleared.status(), cleared.body());
        assertEquals(Map.of("IDENT.ORG.CATEGORIE", "valeur-obligatoire"), errors(cleared));
        Http.Reply after = entry.get("/dossiers/" + dossier);
        assertEquals(before.etag(), after.etag());
        assertEquals("OPH", after.json().path("values").path("IDENT.ORG.CATEGORIE").asText());

        Http.Reply noIfMatch = entry.patch("/dossiers/" + dossier + "/values", null, body(map("CR.TFPB.MONTANT", "1")));
        assertEquals(428, noIfMatch.status());
        assertEquals("if-match-requis", noIfMatch.json().path("code").asText());
    }

    @Test
    void aStaleWriteGets412WithTheCellsChangedMeanwhileAndOverwritesNothing() {
        Http.Reply mine = entry.get("/dossiers/" + dossier);
        save(colleague, map("CR.PERSONNEL.MONTANT", "654321.09", "CR.ACHATS.MONTANT", "1000"));

        Http.Reply stale = entry.patch("/dossiers/" + dossier + "/values", mine.etag(),
            body(map("CR.PERSONNEL.MONTANT", "1", "CR.ENTRETIEN.MONTANT", "2")));
        assertEquals(412, stale.status(), stale.body());
        assertEquals("revision-perimee", stale.json().path("code").asText());
        Map<String, JsonNode> changed = new TreeMap<>();
        stale.json().path("changes").forEach(c -> changed.put(c.path("cell").asText(), c));
        assertEquals(Set.of("CR.PERSONNEL.MONTANT", "CR.ACHATS.MONTANT"), changed.keySet(),
            "exactly the cells saved since the revision read");
        JsonNode personnel = changed.get("CR.PERSONNEL.MONTANT");
        assertEquals(colleagueLogin, personnel.path("actor").asText());
        assertEquals("654321.09", personnel.path("after").asText());
        assertNotNull(text(personnel.path("at")));

        JsonNode now = entry.get("/dossiers/" + dossier).json().path("values");
        assertEquals("654321.09", now.path("CR.PERSONNEL.MONTANT").asText(), "never a silent overwrite");
        assertTrue(now.path("CR.ENTRETIEN.MONTANT").isMissingNode() || !now.path("CR.ENTRETIEN.MONTANT").asText().equals("2"));
        save(entry, map("CR.PERSONNEL.MONTANT", "1", "CR.ENTRETIEN.MONTANT", "2"));
    }

    @Test
    void concurrentSavesOfTheSameRevisionLetExactlyOneThrough() throws Exception {
        String etag = entry.get("/dossiers/" + dossier).etag();
        int writers = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                Http who = i % 2 == 0 ? entry : colleague;
                String value = Integer.toString(100 + i);
                replies.add(pool.submit(() -> {
                    go.await();
                    return who.patch("/dossiers/" + dossier + "/values", etag, body(map("CR.INTERETS.MONTANT", value)));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<Http.Reply> reply : replies) {
                Http.Reply r = reply.get();
                statuses.add(r.status());
                if (r.status() == 200) {
                    winner = r.json().path("values").path("CR.INTERETS.MONTANT").asText();
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), "statuses " + statuses);
            assertEquals(winner, entry.get("/dossiers/" + dossier).json().path("values").path("CR.INTERETS.MONTANT").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHistoryOfACellListsWhoWhenAndOldToNewNewestFirst() {
        save(entry, map("PATRIMOINE.PLI.SURFACE", "100,5"));
        save(colleague, map("PATRIMOINE.PLI.SURFACE", "200"));
        save(entry, map("PATRIMOINE.PLI.SURFACE", ""));
        save(entry, map("PATRIMOINE.PLI.LOYERS", "5"));

        Http.Reply history = ownAdministrator.get("/dossiers/" + dossier + "/history?cell=PATRIMOINE.PLI.SURFACE");
        assertEquals(200, history.status(), history.body());
        JsonNode changes = history.json();
        assertEquals(3, changes.size(), history.body());
        String[][] expected = {{"saisie.demo", "200", null}, {colleagueLogin, "100.5", "200"}, {"saisie.demo", null, "100.5"}};
        long revision = Long.MAX_VALUE;
        for (int i = 0; i < expected.length; i++) {
            JsonNode change = changes.get(i);
            assertEquals("PATRIMOINE.PLI.SURFACE", change.path("cell").asText());
            assertEquals(expected[i][0], change.path("actor").asText());
            assertEquals(expected[i][1], text(change.path("before")));
            assertEquals(expected[i][2], text(change.path("after")));
            assertNotNull(java.time.Instant.parse(change.path("at").asText()));
            assertTrue(change.path("revision").asLong() < revision, "newest first");
            revision = change.path("revision").asLong();
        }
        Http.Reply missing = entry.get("/dossiers/" + dossier + "/history");
        assertEquals(422, missing.status());
        assertEquals("parametre-manquant", missing.json().path("code").asText());
    }

    @Test
    void theDossierCarriesTheValuesOfYearNMinusOne() {
        JsonNode read = entry.get("/dossiers/" + dossier).json();
        assertEquals(2025, read.path("year").asInt());
        assertEquals("2025.1", read.path("questionnaireVersion").asText());
        JsonNode previous = read.path("previous");
        assertEquals(2024, previous.path("year").asInt());
        assertEquals("2024.1", previous.path("questionnaireVersion").asText());
        JsonNode pastDossier = dossierOf(entry, SIREN, 2024);
        assertEquals(pastDossier.path("id").asLong(), previous.path("id").asLong());
        JsonNode values = previous.path("values");
        assertTrue(values.size() > 50, "a filled dossier: " + values.size() + " values");
        assertFalse(values.path("CR.SUBV_EXPLOIT.MONTANT").isMissingNode(), "a cell that 2025.1 no longer has");
        java.math.BigDecimal actif = java.math.BigDecimal.ZERO;
        for (String row : List.of("IMMO_INCORP", "IMMO", "IMMO_FIN", "STOCKS", "CREANCES", "AUTRES_CREANCES", "TRESO")) {
            actif = actif.add(new java.math.BigDecimal(values.path("BILAN." + row + ".MONTANT").asText("0")));
        }
        assertEquals(0, actif.compareTo(new java.math.BigDecimal(values.path("BILAN.TOTAL_ACTIF.MONTANT").asText())),
            "N-1 totals were computed by the platform");
    }

    @Test
    void thePastFiveCampaignsAreListedAndReadOnly() {
        Http.Reply past = entry.get("/dossiers/" + dossier + "/past");
        assertEquals(200, past.status(), past.body());
        List<Integer> years = new ArrayList<>();
        past.json().forEach(d -> {
            years.add(d.path("year").asInt());
            assertEquals(SIREN, d.path("siren").asText());
            assertEquals("ER", d.path("questionnaireCode").asText());
            assertEquals("2024.1", d.path("questionnaireVersion").asText());
        });
        assertEquals(List.of(2024, 2023, 2022, 2021, 2020), years, "newest first");

        long oldest = past.json().get(4).path("id").asLong();
        Http.Reply read = entry.get("/dossiers/" + oldest);
        assertEquals(200, read.status());
        assertEquals(2020, read.json().path("year").asInt());
        assertTrue(read.json().path("previous").isNull(), "no campaign before 2020");
        Http.Reply write = entry.patch("/dossiers/" + oldest + "/values", read.etag(),
            body(map("BILAN.IMMO.MONTANT", "1")));
        assertEquals(409, write.status(), write.body());
        assertEquals("campagne-fermee", write.json().path("code").asText());
        Http.Reply after = entry.get("/dossiers/" + oldest);
        assertEquals(read.etag(), after.etag());
        assertEquals(values(read.json().path("values")), values(after.json().path("values")));
        Http.Reply history = entry.get("/dossiers/" + oldest + "/history?cell=BILAN.IMMO.MONTANT");
        assertEquals(200, history.status());
        assertEquals(1, history.json().size(), "only the value loaded while the campaign was open");
    }

    @Test
    void theDiffBetweenVersionsListsAddedRemovedAndChangedCells() {
        Http.Reply versions = entry.get("/questionnaires/ER");
        assertEquals(200, versions.status(), versions.body());
        List<String> listed = new ArrayList<>();
        versions.json().forEach(v -> listed.add(v.path("version").asText()));
        assertEquals(List.of("2024.1", "2025.1"), listed);

        Http.Reply diff = entry.get("/questionnaires/ER/diff?from=2024.1&to=2025.1");
        assertEquals(200, diff.status(), diff.body());
        Map<String, JsonNode> byCell = new TreeMap<>();
        diff.json().path("changes").forEach(c -> byCell.put(c.path("cell").asText(), c));
        for (String added : List.of("PATRIMOINE.PLAI.VACANTS", "PATRIMOINE.PLAI.TAUX_VACANCE",
            "PATRIMOINE.TOTAL_LOGEMENTS.VACANTS", "IDENT.ACTIONNAIRES_1.PART", "IDENT.ACTIONNAIRES_20.NOM",
            "IDENT.CAPITAL_TOTAL.PART")) {
            assertEquals("ADDED", byCell.get(added).path("kind").asText(), added);
        }
        assertEquals("REMOVED", byCell.get("CR.SUBV_EXPLOIT.MONTANT").path("kind").asText());
        for (String changed : List.of("ACTIVITE.VENTES.NOMBRE", "ACTIVITE.VENTES.MONTANT", "BILAN.TRESO.MONTANT")) {
            JsonNode change = byCell.get(changed);
            assertEquals("CHANGED", change.path("kind").asText(), changed);
            assertTrue(change.path("details").get(0).asText().startsWith("libellé : "), change.toString());
        }
        assertTrue(byCell.get("ACTIVITE.VENTES.NOMBRE").path("details").get(0).asText().contains("Ventes HLM"));
        assertFalse(byCell.containsKey("BILAN.IMMO.MONTANT"), "unchanged cells are not listed");
        assertEquals(Set.of("ADDED", "REMOVED", "CHANGED"), kinds(diff.json()));

        Http.Reply unknown = entry.get("/questionnaires/ER/diff?from=2019.1&to=2025.1");
        assertEquals(404, unknown.status());
        assertEquals("questionnaire-inconnu", unknown.json().path("code").asText());
        JsonNode view = entry.get("/questionnaires/ER/2025.1").json();
        assertEquals("sum", view.path("formulas").path("BILAN.TOTAL_ACTIF.MONTANT").get(0).asText());
    }

    @Test
    void aVerificationRunIsStoredWithItsFailedControlsAggregatesAndJustifiedWarnings() {
        String previousRents = entry.get("/dossiers/" + dossier).json().path("previous").path("values")
            .path("CR.LOYERS.MONTANT").asText();
        BigDecimal rents = new BigDecimal(previousRents).multiply(BigDecimal.TEN);
        Map<String, String> saved = values(save(entry, map("BILAN.IMMO.MONTANT", "1000",
            "BILAN.CAPITAUX.MONTANT", "-99999999",
            "CR.LOYERS.MONTANT", rents.toPlainString())));

        Http.Reply run = entry.post("/dossiers/" + dossier + "/verifications", "");
        assertEquals(201, run.status(), run.body());
        Map<String, JsonNode> outcomes = new TreeMap<>();
        run.json().path("outcomes").forEach(o -> outcomes.put(o.path("code").asText(), o));
        assertTrue(run.json().path("notApplicable").asInt() > 0, "rules on empty cells are counted: " + run.body());
        outcomes.values().forEach(o -> assertFalse(o.path("status").asText().equals("NOT_APPLICABLE"), o.toString()));
        assertEquals("FAILED", outcomes.get("ER_BILAN_EQUILIBRE").path("status").asText());
        assertEquals("ERROR", outcomes.get("ER_BILAN_EQUILIBRE").path("severity").asText());
        assertTrue(outcomes.get("ER_BILAN_EQUILIBRE").path("message").asText().startsWith("Le total de l’actif ("),
            outcomes.get("ER_BILAN_EQUILIBRE").toString());
        assertEquals("FAILED", outcomes.get("ER_LOYERS_EVOLUTION").path("status").asText(), "ten times year N-1");
        assertEquals("WARNING", outcomes.get("ER_LOYERS_EVOLUTION").path("severity").asText());
        BigDecimal workingCapital = sum(saved, "BILAN.CAPITAUX.MONTANT", "BILAN.SUBVENTIONS.MONTANT",
            "BILAN.PROVISIONS.MONTANT", "BILAN.DETTES.MONTANT").subtract(sum(saved, "BILAN.IMMO_INCORP.MONTANT",
            "BILAN.IMMO.MONTANT", "BILAN.IMMO_FIN.MONTANT"));
        JsonNode aggregate = null;
        for (JsonNode candidate : run.json().path("aggregates")) {
            if (candidate.path("code").asText().equals("FONDS_ROULEMENT")) {
                aggregate = candidate;
            }
        }
        assertEquals(0, workingCapital.compareTo(new BigDecimal(aggregate.path("value").asText())), aggregate.toString());
        assertEquals("Situation financière", aggregate.path("group").asText());

        String read = entry.get("/dossiers/" + dossier + "/verifications/latest").etag();
        String warning = "/dossiers/" + dossier + "/justifications/ER_LOYERS_EVOLUTION";
        assertEquals("if-match-requis", entry.put(warning, null, "{\"text\":\"Sans version lue.\"}").json()
            .path("code").asText());
        Http.Reply justified = entry.put(warning, read,
            "{\"text\":\"Acquisition d'un important patrimoine au 1er janvier.\"}");
        assertEquals(200, justified.status(), justified.body());
        Http.Reply stale = entry.put(warning, read, "{\"text\":\"Écrite sur une version périmée.\"}");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("revision-perimee", stale.json().path("code").asText());
        assertEquals("justification-inutile", entry.put("/dossiers/" + dossier + "/justifications/ER_BILAN_EQUILIBRE",
            justified.etag(), "{\"text\":\"Une erreur ne se justifie pas.\"}").json().path("code").asText());
        assertEquals(422, entry.put(warning, justified.etag(), "{\"text\":\"  \"}").status());

        JsonNode latest = ownAdministrator.get("/dossiers/" + dossier + "/verifications/latest").json();
        assertEquals(run.json().path("id").asLong(), latest.path("id").asLong());
        assertEquals(entry.get("/dossiers/" + dossier).json().path("revision").asLong(),
            latest.path("dossierRevision").asLong());
        assertEquals("Acquisition d'un important patrimoine au 1er janvier.",
            latest.path("justifications").path("ER_LOYERS_EVOLUTION").path("text").asText());
        assertEquals(403, ownAdministrator.post("/dossiers/" + dossier + "/verifications", "").status(),
            "reading is not verifying");
        assertEquals(403, otherAdministrator.get("/dossiers/" + dossier + "/verifications/latest").status(),
            "another organisation's verification is out of reach");
    }

    private static BigDecimal sum(Map<String, String> values, String... cells) {
        BigDecimal total = BigDecimal.ZERO;
        for (String cell : cells) {
            total = total.add(values.containsKey(cell) ? new BigDecimal(values.get(cell)) : BigDecimal.ZERO);
        }
        return total;
    }

    private static Set<String> kinds(JsonNode diff) {
        Set<String> kinds = new TreeSet<>();
        diff.path("changes").forEach(c -> kinds.add(c.path("kind").asText()));
        return kinds;
    }

    @Test
    void anotherOrganisationCanNeitherReadNorWriteTheDossierNorItsHistory() {
        String etag = entry.get("/dossiers/" + dossier).etag();
        for (String path : List.of("", "/past", "/history?cell=BILAN.IMMO.MONTANT")) {
            Http.Reply read = otherAdministrator.get("/dossiers/" + dossier + path);
            assertEquals(403, read.status(), path + ": " + read.body());
            assertEquals("acces-refuse", read.json().path("code").asText());
            assertFalse(read.body().contains("BILAN"), "nothing of the dossier leaks");
        }
        Http.Reply write = otherAdministrator.patch("/dossiers/" + dossier + "/values", etag,
            body(map("BILAN.IMMO.MONTANT", "1")));
        assertEquals(403, write.status());
        Http.Reply ownButNoEntryRight = ownAdministrator.patch("/dossiers/" + dossier + "/values", etag,
            body(map("BILAN.IMMO.MONTANT", "1")));
        assertEquals(403, ownButNoEntryRight.status(), "the administrator reads but does not enter");
        assertEquals(200, ownAdministrator.get("/dossiers/" + dossier).status());
        assertEquals(etag, entry.get("/dossiers/" + dossier).etag(), "nothing was saved");

        Http.Reply unknown = entry.get("/dossiers/987654321");
        assertEquals(404, unknown.status());
        assertEquals("dossier-inconnu", unknown.json().path("code").asText());
        assertEquals(401, platform.http().get("/dossiers/" + dossier + "/history?cell=BILAN.IMMO.MONTANT").status());
        assertNull(dossierOf(otherAdministrator, SIREN, 2025), "nor listed to another organisation");
    }
}
