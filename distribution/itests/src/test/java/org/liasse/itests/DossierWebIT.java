package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.format.FrenchFormat;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Data entry in real headless Chromium on the ministry distribution in demo mode: the dossier list and summary,
 * spreadsheet-like entry with live totals and N-1 values, errors at the cell, paste of a block, a conflict between
 * two sessions resolved by merging, the history of a cell, the questionnaire changes of the year and a past year in
 * read-only mode. Every page is scanned with axe-core (no serious or critical violation).
 */
class DossierWebIT {

    private static final String DEMO_PASSWORD = Distribution.DEMO_PASSWORD;

    private static Distribution ministry;
    private static String base;
    private static long dossier;
    private static long pastDossier;

    @BeforeAll
    static void startMinistry() throws Exception {
        ministry = Distribution.demo("ministry");
        base = "http://localhost:" + ministry.httpPort();
        Http user = Http.session(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
        dossier = Dossiers.demo(user, 2025);
        pastDossier = Dossiers.demo(user, 2024);
    }

    @AfterAll
    static void stopMinistry() throws Exception {
        if (ministry != null) {
            ministry.close();
        }
    }


    private static Browser signedIn() throws IOException {
        Browser browser = new Browser(base);
        browser.open("/connexion.html").fill("login", "saisie.demo").fill("password", DEMO_PASSWORD).submit("connexion");
        browser.awaitPage("/accueil.html");
        return browser;
    }

    private static String cell(String code) {
        return "c-" + code;
    }

    private static WebElement field(Browser browser, String code) {
        return browser.byId(cell(code));
    }

    /** The text of a computed cell, French digit grouping (narrow no-break space) written as a plain space. */
    private static String text(Browser browser, String code) {
        return browser.until(d -> field(browser, code).getText().replace('\u202f', ' ').replace('\u00a0', ' '));
    }

    private static void awaitText(Browser browser, String code, String expected) {
        browser.until(d -> expected.equals(text(browser, code)));
    }

    private static void saved(Browser browser) {
        browser.until(d -> browser.byId("etat-saisie").getText().startsWith("Enregistré"));
    }

    @Test
    void entryFeelsLikeASpreadsheetWithLiveTotalsN1ValuesAndErrorsAtTheCell() throws Exception {
        try (Browser browser = signedIn()) {
            browser.find("nav a[href='/dossiers.html']").click();
            browser.awaitPage("/dossiers.html").checkPage("20-dossiers");
            String years = browser.byId("dossiers").getText();
            for (int year = 2020; year <= 2025; year++) {
                assertTrue(years.contains(Integer.toString(year)), "2025 and the five past campaigns: " + years);
            }

            browser.find("#dossiers a[href='/dossier/sommaire.html?id=" + dossier + "']").click();
            browser.awaitPage("/dossier/sommaire.html").checkPage("21-sommaire");
            assertTrue(browser.byId("titre-dossier").getText().contains("2025"));
            assertEquals(5, browser.all("#annees a").size());

            browser.find("#fiches a[href*='fiche=BILAN']").click();
            browser.awaitPage("/dossier/saisie.html");
            assertTrue(browser.byId("n1-BILAN.IMMO.MONTANT").getText().startsWith("N-1 : "), "N-1 beside the cell");

            WebElement first = field(browser, "BILAN.IMMO_INCORP.MONTANT");
            first.click();
            first.sendKeys("1000,50");
            first.sendKeys(Keys.ARROW_DOWN);
            browser.until(d -> d.switchTo().activeElement().getDomAttribute("id").equals(cell("BILAN.IMMO.MONTANT")));
            browser.until(d -> d.switchTo().activeElement()).sendKeys("2 000", Keys.ENTER);
            browser.until(d -> d.switchTo().activeElement().getDomAttribute("id").equals(cell("BILAN.IMMO_FIN.MONTANT")));
            awaitText(browser, "BILAN.TOTAL_ACTIF.MONTANT", "3 000,50 €");
            assertTrue(browser.byId("etat-saisie").getText().contains("2 modifications non enregistrées"));

            browser.until(d -> d.switchTo().activeElement()).sendKeys("n'importe quoi");
            browser.until(d -> d.switchTo().activeElement()).sendKeys(Keys.TAB);
            assertEquals("true", field(browser, "BILAN.IMMO_FIN.MONTANT").getDomAttribute("aria-invalid"));
            browser.byId("enregistrer").click();
            String error = browser.message("saisie-messages", "erreur");
            assertTrue(error.contains("rien n’a été enregistré"), error);
            assertTrue(browser.byId("e-BILAN.IMMO_FIN.MONTANT").getText().contains("n’est pas un nombre"));
            browser.checkPage("22-saisie-erreur");

            WebElement wrong = field(browser, "BILAN.IMMO_FIN.MONTANT");
            wrong.sendKeys(Keys.chord(Keys.CONTROL, "a"), "250");
            wrong.sendKeys(Keys.chord(Keys.CONTROL, "s"));
            saved(browser);
            awaitText(browser, "BILAN.TOTAL_ACTIF.MONTANT", "3 250,50 €");
            browser.reload();
            assertEquals("1\u202f000,5", field(browser, "BILAN.IMMO_INCORP.MONTANT").getDomProperty("value"),
                "a number is shown grouped in its cell");
            assertEquals("3 250,50 €", text(browser, "BILAN.TOTAL_ACTIF.MONTANT"));
            browser.checkPage("23-saisie");

            browser.byId("afficher-n1").click();
            assertFalse(browser.byId("n1-BILAN.IMMO.MONTANT").isDisplayed());
        }
    }

    @Test
    void liveTotalsAreExactDecimalsAndEqualWhatTheServerStores() throws Exception {
        Http user = Http.session(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
        JsonNode stored = user.get("/dossiers/" + dossier).json().path("values");
        Map<String, String> typed = Map.of("BILAN.CAPITAUX.MONTANT", "0,1", "BILAN.SUBVENTIONS.MONTANT", "0,2",
            "BILAN.PROVISIONS.MONTANT", "9007199254740993");
        BigDecimal expected = new BigDecimal("9007199254740993.3");
        for (String other : List.of("BILAN.DETTES.MONTANT", "BILAN.DETTES_FOURN.MONTANT", "BILAN.AUTRES_DETTES.MONTANT")) {
            if (stored.hasNonNull(other)) {
                expected = expected.add(new BigDecimal(stored.get(other).asText()));
            }
        }
        String shown = FrenchFormat.cell(ColumnDefinition.of("MONTANT", "Montant", FieldType.AMOUNT, 2, 0, false,
            List.of()), expected.toPlainString()).replace('\u202f', ' ').replace('\u00a0', ' ');
        assertTrue(shown.startsWith("9 007 199 254 74"), "2^53 + 1 and more, beyond binary floating point: " + shown);
        try (Browser browser = signedIn()) {
            browser.open("/dossier/saisie.html?id=" + dossier + "&fiche=BILAN");
            for (Map.Entry<String, String> entry : typed.entrySet()) {
                WebElement input = field(browser, entry.getKey());
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), entry.getValue(), Keys.TAB);
            }
            awaitText(browser, "BILAN.TOTAL_PASSIF.MONTANT", shown);
            browser.byId("enregistrer").click();
            saved(browser);
            JsonNode after = user.get("/dossiers/" + dossier).json().path("values");
            assertEquals(0, expected.compareTo(new BigDecimal(after.path("BILAN.TOTAL_PASSIF.MONTANT").asText())),
                "the server stores what the page showed: " + after.path("BILAN.TOTAL_PASSIF.MONTANT"));
            browser.reload();
            assertEquals(shown, text(browser, "BILAN.TOTAL_PASSIF.MONTANT"));
            assertEquals("9\u202f007\u202f199\u202f254\u202f740\u202f993",
                field(browser, "BILAN.PROVISIONS.MONTANT").getDomProperty("value"));
        }
    }

    @Test
    void aBlockPastedFromASpreadsheetFillsTheCellsFromTheCurrentOne() throws Exception {
        try (Browser browser = signedIn()) {
            browser.open("/dossier/saisie.html?id=" + dossier + "&fiche=PATRIMOINE");
            field(browser, "PATRIMOINE.PLUS.NOMBRE").click();
            browser.until(d -> d.executeScript("const data = new DataTransfer();"
                + "data.setData('text/plain', '100\\t5000,5\\t300000\\t10\\r\\n50\\t2500\\t150000\\t5\\r\\n');"
                + "document.activeElement.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));"
                + "return true;"));
            assertTrue(browser.message("saisie-messages", "info").contains("8 cellules collées"));
            assertEquals("5\u202f000,5", field(browser, "PATRIMOINE.PLUS.SURFACE").getDomProperty("value"));
            assertEquals("5", field(browser, "PATRIMOINE.PLS.VACANTS").getDomProperty("value"));
            awaitText(browser, "PATRIMOINE.PLUS.TAUX_VACANCE", "10,00 %");
            browser.byId("enregistrer").click();
            saved(browser);
            assertEquals("10,00 %", text(browser, "PATRIMOINE.PLS.TAUX_VACANCE"));
        }
    }

    @Test
    void aConflictBetweenTwoSessionsIsMergedNeverOverwrittenAndTheHistoryShowsIt() throws Exception {
        try (Browser mine = signedIn(); Browser theirs = signedIn()) {
            String page = "/dossier/saisie.html?id=" + dossier + "&fiche=CR";
            mine.open(page);
            theirs.open(page);

            WebElement loyers = field(theirs, "CR.LOYERS.MONTANT");
            loyers.sendKeys(Keys.chord(Keys.CONTROL, "a"), "777");
            theirs.byId("enregistrer").click();
            saved(theirs);

            WebElement personnel = field(mine, "CR.PERSONNEL.MONTANT");
            personnel.sendKeys(Keys.chord(Keys.CONTROL, "a"), "111");
            mine.byId("enregistrer").click();
            mine.until(d -> mine.byId("conflit").isDisplayed());
            assertTrue(mine.byId("conflit-cellules").getText().contains("777"), mine.byId("conflit-cellules").getText());
            mine.checkPage("24-saisie-conflit");

            mine.byId("fusionner").click();
            mine.until(d -> !mine.byId("conflit").isDisplayed());
            assertEquals("777", field(mine, "CR.LOYERS.MONTANT").getDomProperty("value"), "their value is taken");
            assertEquals("111", field(mine, "CR.PERSONNEL.MONTANT").getDomProperty("value"), "my value is kept");
            mine.byId("enregistrer").click();
            saved(mine);

            theirs.reload();
            assertEquals("111", field(theirs, "CR.PERSONNEL.MONTANT").getDomProperty("value"));
            assertEquals("777", field(theirs, "CR.LOYERS.MONTANT").getDomProperty("value"));

            field(theirs, "CR.LOYERS.MONTANT").click();
            theirs.byId("historique").click();
            theirs.until(d -> theirs.byId("historique-panneau").isDisplayed());
            String history = theirs.byId("historique-liste").getText();
            assertTrue(history.contains("saisie.demo") && history.contains("777"), history);
            theirs.checkPage("25-saisie-historique");
            theirs.byId("fermer-historique").click();
            assertEquals(cell("CR.LOYERS.MONTANT"),
                theirs.until(d -> d.switchTo().activeElement().getDomAttribute("id")), "focus goes back to the cell");
        }
    }

    @Test
    void theYearChangesAreListedAndAPastYearIsReadOnly() throws Exception {
        try (Browser browser = signedIn()) {
            browser.open("/dossier/evolutions.html?id=" + dossier).checkPage("26-evolutions");
            assertTrue(browser.byId("chapo-evolutions").getText().contains("2024.1"));
            assertTrue(browser.find("tr.evolution-removed").getText().contains("CR.SUBV_EXPLOIT.MONTANT"));
            assertTrue(browser.find("tr.evolution-added").getText().contains("Ajoutée"));

            browser.open("/dossier/sommaire.html?id=" + pastDossier);
            assertTrue(browser.message("sommaire-messages", "info").contains("lecture seule"));
            browser.find("#fiches a[href*='fiche=BILAN']").click();
            browser.awaitPage("/dossier/saisie.html");
            assertEquals("true", field(browser, "BILAN.IMMO.MONTANT").getDomAttribute("readonly"));
            assertFalse(browser.byId("enregistrer").isDisplayed());
            assertFalse(text(browser, "BILAN.TOTAL_ACTIF.MONTANT").isBlank(), "computed totals of the past year");
            browser.checkPage("27-saisie-passe");
        }
    }

    @Test
    void aNewCampaignsDossierIsInitialisedWithTheIdentificationOfThePreviousYear() throws Exception {
        Http operator = Http.token(ministry.httpPort(), "operateur.demo", DEMO_PASSWORD);
        Http.Reply campaign = operator.post("/campaigns", "{\"year\":2026,\"label\":\"Campagne 2026\","
            + "\"opening\":\"2027-04-01\",\"deadline\":\"2027-07-31\",\"state\":\"OPEN\",\"questionnaires\":"
            + "[{\"code\":\"ER\",\"version\":\"2025.1\",\"deadline\":\"2027-06-30\"}]}");
        assertEquals(201, campaign.status(), campaign.body());
        Http user = Http.token(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
        JsonNode before = user.get("/dossiers/" + dossier).json().path("values");
        String signatory = before.path("IDENT.NOM.VALEUR").asText();
        assertEquals("2025-12-31", before.path("IDENT.ORG.CLOTURE").asText());

        try (Browser browser = signedIn()) {
            browser.open("/dossiers.html");
            assertTrue(browser.byId("initialisations").getText().contains("à déposer avant le 30 juin 2027"));
            assertEquals("/api/v1/questionnaires/ER/2025.1/trame",
                browser.find("#initialisations a[href$='/trame']").getDomAttribute("href"), "its blank form, to prepare");
            assertEquals(200, user.download("/questionnaires/ER/2025.1/trame?format=xlsx").status());
            browser.checkPage("28-dossiers-a-initialiser");
            browser.find("#initialisations button").click();
            browser.awaitPage("/dossier/sommaire.html");
            assertTrue(browser.byId("titre-dossier").getText().contains("2026"));
            browser.find("#fiches a[href*='fiche=IDENT']").click();
            browser.awaitPage("/dossier/saisie.html");
            assertEquals(signatory, field(browser, "IDENT.NOM.VALEUR").getDomProperty("value"), "carried over");
            assertEquals("", field(browser, "IDENT.ORG.CLOTURE").getDomProperty("value"),
                "the closing date of 2025 is not carried over");
            browser.open("/dossiers.html");
            assertTrue(browser.byId("initialisation-bloc").getDomAttribute("hidden") != null, "nothing left to initialise");
        }
    }

    @Test
    void theVerificationListsFailedControlsByFicheLinksToTheirCellsAndTakesJustifications() throws Exception {
        Http user = Http.token(ministry.httpPort(), "saisie.demo", DEMO_PASSWORD);
        Http.Reply read = user.get("/dossiers/" + dossier);
        String previousRents = read.json().path("previous").path("values").path("CR.LOYERS.MONTANT").asText();
        Http.Reply saved = user.patch("/dossiers/" + dossier + "/values", read.etag(), "{\"values\":{"
            + "\"BILAN.IMMO.MONTANT\":\"1000\",\"BILAN.CAPITAUX.MONTANT\":\"-5000\",\"CR.LOYERS.MONTANT\":\""
            + new java.math.BigDecimal(previousRents).multiply(java.math.BigDecimal.TEN).toPlainString() + "\"}}");
        assertEquals(200, saved.status(), saved.body());

        try (Browser browser = signedIn()) {
            browser.open("/dossier/sommaire.html?id=" + dossier);
            browser.find("#outils a[href*='/dossier/verification.html']").click();
            browser.awaitPage("/dossier/verification.html");
            browser.byId("lancer").click();
            assertTrue(browser.message("verification-messages", "succes").contains("terminée"));
            String results = browser.byId("resultats").getText();
            assertTrue(results.contains("ER_BILAN_EQUILIBRE") && results.contains("Erreur"), results);
            assertTrue(results.contains("ER_LOYERS_EVOLUTION") && results.contains("Alerte"), results);
            assertFalse(results.contains("prev(") || results.contains("BILAN.TOTAL_ACTIF.MONTANT"),
                "values and cells are named by their labels, not by codes: " + results);
            assertTrue(results.contains("Valeur contrôlée") && results.contains("exercice précédent"), results);
            assertTrue(browser.byId("resume-verification").getText().contains("erreur"));
            assertFalse(browser.all("[role='tab']").isEmpty(), "aggregates in tabs");
            browser.checkPage("29-verification");

            browser.fill("justification-ER_LOYERS_EVOLUTION", "Acquisition d'un patrimoine important en janvier.");
            browser.find("#justification-ER_LOYERS_EVOLUTION").submit();
            assertTrue(browser.message("justification-messages-ER_LOYERS_EVOLUTION", "succes").contains("enregistrée"));
            browser.reload();
            assertEquals("Acquisition d'un patrimoine important en janvier.",
                browser.byId("justification-ER_LOYERS_EVOLUTION").getDomProperty("value"));

            browser.find("#resultats a[href$='#c-CR.LOYERS.MONTANT']").click();
            browser.awaitPage("/dossier/saisie.html");
            assertEquals(cell("CR.LOYERS.MONTANT"),
                browser.until(d -> d.switchTo().activeElement().getDomAttribute("id")), "the link lands on the cell");
        }
    }
}
