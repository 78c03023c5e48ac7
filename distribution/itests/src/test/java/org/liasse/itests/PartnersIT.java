package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each partner's plugin set on its real assembly in demo mode: the questionnaires it collects, the financial fiches
 * the ministry's statements share with the federations' questionnaire, and demo dossiers whose figures are consistent
 * (no failing error or warning control in the last closed campaign, N-1 included) with aggregates that tell a story
 * over the years.
 */
class PartnersIT {

    private static final long TIMEOUT = 60_000;
    private static final List<String> SHARED_FICHES = List.of("BILAN", "CR", "PATRIMOINE", "IMMOBILISATIONS",
        "AMORTISSEMENTS", "DETTES", "LOYERS", "GESTION", "MAINTENANCE", "PROVISIONS", "CREANCES", "FONDS_PROPRES",
        "INVESTISSEMENTS", "TRESORERIE");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "ministry; ER:16:000000018 ER_SEM:16:000000117 MOI:2:000000125; FONDS_ROULEMENT",
        "oph; QDIS:16:000000018; AUTOFIN_NET_PCT",
        "coop; QDIS:16:000000034 ENQ_ACTIVITE:3:000000034 ENQ_ACTIONNARIAT:1:000000034 ENQ_EFFECTIFS:1:000000034; FRNG"})
    void demoDossiersOfEachPartnerAreConsistent(String partner, String questionnaires, String aggregate)
        throws Exception {
        try (Distribution distribution = Distribution.partnerDemo(partner, d -> { })) {
            Http operator = Http.token(distribution.httpPort(), "operateur.demo", Distribution.DEMO_PASSWORD);
            Map<String, Http> users = new LinkedHashMap<>();
            for (String entry : questionnaires.split(" ")) {
                String[] parts = entry.split(":");
                String code = parts[0];
                JsonNode questionnaire = Await.until(code + " loaded", TIMEOUT,
                    () -> operator.get("/questionnaires/" + code + "/2025.1"), reply -> reply.status() == 200).json();
                JsonNode fiches = questionnaire.path("fiches");
                assertEquals(Integer.parseInt(parts[1]), fiches.size(), code + " fiches");
                if (code.equals("QDIS") || code.startsWith("ER")) {
                    List<String> codes = StreamSupport.stream(fiches.spliterator(), false)
                        .map(f -> f.path("code").asText()).toList();
                    assertTrue(codes.containsAll(SHARED_FICHES), code + " shares the 14 financial fiches: " + codes);
                }
                Http administrator = Http.token(distribution.httpPort(), "AD_" + parts[2], Distribution.DEMO_PASSWORD);
                Http user = users.computeIfAbsent(parts[2], siren -> Accounts.user(distribution.httpPort(),
                    administrator, siren, "verification." + siren, "RESPONSABLE_SAISIE"));
                checkPastDossiers(user, parts[2], code, code.equals("ER") || code.equals("QDIS") ? aggregate : null);
            }
            if (partner.equals("ministry")) {
                // ER_SEM is declared for SEM only, ER for Hlm bodies: the SEM is neither offered nor given an ER.
                Http sem = users.get("000000117");
                assertEquals(0, sem.get("/organisations/000000117/dossiers/available").json().size());
                assertTrue(sem.get("/organisations/000000117/dossiers").json().findValuesAsText("questionnaireCode")
                    .stream().allMatch("ER_SEM"::equals));
                Http.Reply refused = sem.post("/organisations/000000117/dossiers", "{\"year\":2025,\"questionnaire\":\"ER\"}");
                assertEquals(422, refused.status(), refused.body());
                assertEquals("questionnaire-non-concerne", refused.json().path("code").asText());
                JsonNode completion = operator.get("/campaigns/2025/completion?questionnaire=ER_SEM").json().path("rows");
                assertEquals(List.of("000000117"), completion.findValuesAsText("siren"));
                coordinationFilesTheEr(distribution.httpPort(), operator);
                moiBodiesFileVoluntarily(operator);
            }
            if (partner.equals("coop")) {
                String diff = operator.get("/questionnaires/ENQ_ACTIVITE/diff?from=2024.1&to=2025.1").body();
                assertTrue(diff.contains("ACCESSION_COOP.BRS_SIGNES.LOGEMENTS") && diff.contains("SERVICES.SYNDIC_LOTS.NOMBRE"),
                    "the survey's yearly versions differ by the fields added and removed: " + diff);
                for (String service : List.of("COMMERCIALISATION_ACCESSION", "ACCOMPAGNEMENT_VENTE_HLM")) {
                    assertTrue(diff.contains("SERVICES." + service + ".OPERATIONS")
                        && diff.contains("SERVICES." + service + ".HONORAIRES"), "2025 adds the service line " + service);
                }
            }
        }
    }

    /** MOI bodies file « sur la base du volontariat » (seed 003): offered the questionnaire, never late nor reminded. */
    private static void moiBodiesFileVoluntarily(Http operator) {
        JsonNode moi = operator.get("/campaigns/2025/completion?questionnaire=MOI").json().path("rows");
        assertEquals(List.of("000000125"), moi.findValuesAsText("siren"));
        assertTrue(moi.get(0).path("voluntary").asBoolean(), moi.toString());
        assertTrue(moi.get(0).path("stepIndex").asInt() < moi.get(0).path("stepCount").asInt(), "not filed yet");
        assertEquals(0, moi.get(0).path("daysLate").asInt(), "past the deadline of 1 June 2026, yet never late");
        assertTrue(operator.get("/campaigns/2025/completion?late=true").json().path("rows").findValuesAsText("siren")
            .stream().noneMatch("000000125"::equals));
        Http.Reply reminded = operator.post("/campaigns/2025/reminders", "{}");
        assertEquals(200, reminded.status(), reminded.body());
        assertTrue(reminded.json().findValuesAsText("siren").contains("000000018"), "the late ER filers are: "
            + reminded.body());
        assertTrue(reminded.json().findValuesAsText("siren").stream().noneMatch("000000125"::equals), reminded.body());
    }

    /** A société de coordination files the ER (seed 003: 56 of them did in 2024), from its initialisation to transmission. */
    private static void coordinationFilesTheEr(int port, Http operator) throws IOException {
        String siren = "000000208";
        Http administrator = Accounts.organisation(port, operator, siren, "SOCIETE_COORDINATION", null);
        Http manager = Accounts.user(port, administrator, siren, "hierarchique." + siren, "RESPONSABLE_HIERARCHIQUE");
        assertEquals(List.of("ER"), manager.get("/organisations/" + siren + "/dossiers/available").json()
            .findValuesAsText("questionnaire"));
        Http.Reply created = manager.post("/organisations/" + siren + "/dossiers", "{\"year\":2025,\"questionnaire\":\"ER\"}");
        assertEquals(201, created.status(), created.body());
        long dossier = created.json().path("id").asLong();
        preparesItsFiguresOnTheBlankForms(manager, dossier);
        String step;
        do {
            step = Dossiers.advance(manager, dossier);
        } while (!step.equals("TRANSMIS"));
        assertTrue(operator.get("/campaigns/2025/completion?questionnaire=ER").json().path("rows")
            .findValuesAsText("siren").contains(siren), "the société de coordination is expected to file the ER");
    }

    /**
     * The blank forms of the ER (issue 23: « trame »): a PDF/A of the tables to fill with the guide de saisie, and a
     * workbook of the cells to enter that imports once filled.
     */
    private static void preparesItsFiguresOnTheBlankForms(Http user, long dossier) throws IOException {
        Http.Download pdf = user.download("/questionnaires/ER/2025.1/trame");
        assertEquals(200, pdf.status());
        assertTrue(pdf.header("Content-Type").startsWith("application/pdf"), pdf.header("Content-Type"));
        assertTrue(pdf.header("Content-Disposition").contains("trame-ER-2025.1.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("Trame de saisie, à compléter", "Compte de résultat", "Loyers", "calculé",
                "Guide de saisie : ", "Liasse — trame du questionnaire ER, version 2025.1")) {
                assertTrue(text.contains(expected), "the blank form shows « " + expected + " »");
            }
        }
        assertEquals("format-inconnu", user.get("/questionnaires/ER/2025.1/trame?format=xml").json().path("code").asText());

        Http.Download form = user.download("/questionnaires/ER/2025.1/trame?format=xlsx");
        assertEquals(200, form.status());
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(form.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("cellule", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("valeur", sheet.getRow(0).getCell(1).getStringCellValue());
            int kept = 0;
            for (int i = sheet.getLastRowNum(); i >= 1; i--) {
                Row row = sheet.getRow(i);
                if (row.getCell(0).getStringCellValue().equals("CR.LOYERS.MONTANT")) {
                    assertEquals("montant en euros", row.getCell(6).getStringCellValue());
                    row.createCell(1).setCellValue("1250000,5");
                    kept++;
                } else {
                    sheet.removeRow(row);
                }
            }
            assertEquals(1, kept, "the rents are a cell to enter");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        long revision = user.get("/dossiers/" + dossier).json().path("revision").asLong();
        Http.Reply imported = user.upload("POST", "/dossiers/" + dossier + "/imports?format=xlsx&apply=true",
            "application/octet-stream", filled, "\"" + revision + "\"");
        assertEquals(200, imported.status(), imported.body());
        assertEquals(0, imported.json().path("problems").size(), imported.body());
        assertEquals(new BigDecimal("1250000.5"), Dossiers.amount(user.get("/dossiers/" + dossier).json().path("values"),
            "CR.LOYERS.MONTANT").stripTrailingZeros(), "the filled form imports into the dossier");
    }

    /** The demo's 2024 dossier passes its error and warning controls, and its aggregate moves from year to year. */
    private static void checkPastDossiers(Http user, String siren, String questionnaire, String aggregate) {
        JsonNode dossiers = user.get("/organisations/" + siren + "/dossiers").json();
        Map<Integer, BigDecimal> trend = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int verified = 0;
        for (JsonNode dossier : dossiers) {
            if (!dossier.path("questionnaireCode").asText().equals(questionnaire) || dossier.path("year").asInt() == 2025) {
                continue;
            }
            verified++;
            Http.Reply run = user.post("/dossiers/" + dossier.path("id").asLong() + "/verifications", "");
            assertEquals(201, run.status(), run.body());
            for (JsonNode outcome : run.json().path("outcomes")) {
                boolean failed = outcome.path("status").asText().equals("FAILED");
                boolean serious = !outcome.path("severity").asText().equals("INFO");
                if (failed && serious && dossier.path("year").asInt() == 2024) {
                    failures.add(outcome.path("code").asText() + " " + outcome.path("message").asText());
                }
            }
            for (JsonNode value : run.json().path("aggregates")) {
                if (value.path("code").asText().equals(aggregate) && !value.path("value").isNull()) {
                    trend.put(dossier.path("year").asInt(), new BigDecimal(value.path("value").asText()));
                }
            }
        }
        assertTrue(verified > 0, siren + " " + questionnaire + " has past dossiers");
        assertEquals(List.of(), failures, siren + " " + questionnaire + " 2024");
        if (aggregate != null) {
            assertEquals(5, trend.size(), aggregate + " over the five past years: " + trend);
            assertTrue(trend.values().stream().distinct().count() > 1, aggregate + " moves: " + trend);
        }
    }
}
