package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.NONE_INSTALLED;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.ReportChart;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.ReportGrouping;
import org.liasse.api.definition.ReportSectionKind;

class ReportsTest {

    private static final String QUESTIONNAIRE = """
            {"code": "QD", "version": "2025.1", "title": "QD", "years": [2025],
             "fiches": [{"code": "CR", "title": "Compte de résultat", "tables": [{"code": "T", "title": "T",
               "rows": [{"code": "LOYERS", "label": "Loyers"}, {"code": "NOTE", "label": "Note"}],
               "columns": [{"code": "MONTANT", "label": "Montant", "type": "amount"},
                           {"code": "TEXTE", "label": "Texte", "type": "text", "maxLength": 20}]}]}]}
            """;
    private static final String CONTROLS = """
            {"controls": [], "aggregates": [{"code": "LOYERS", "questionnaire": "QD", "label": "Loyers", "group": "Exploitation",
              "unit": "€", "expression": "CR.LOYERS.MONTANT"}]}
            """;
    private static final String PATH = "META-INF/liasse/reports/r.json";

    private final DefinitionLoader loader = new DefinitionLoader();

    private List<DefinitionFile> plugin(String reports) {
        return List.of(file("META-INF/liasse/questionnaires/qd.json", QUESTIONNAIRE),
                file("META-INF/liasse/controls/c.json", CONTROLS), file(PATH, reports));
    }

    @Test
    void readsSectionsWithTheirMeasuresGroupsAndCharts() {
        String reports = """
                {"reports": [
                  {"code": "DIS", "title": "Diagnostic", "scope": "dossier", "questionnaire": "QD", "sections": [
                    {"type": "ratios", "title": "Ratios", "aggregates": ["LOYERS"], "cells": ["CR.LOYERS.MONTANT"]},
                    {"type": "trend", "title": "Tendances", "aggregates": ["LOYERS"], "chart": "bar"}]},
                  {"code": "STATS", "title": "Statistiques", "scope": "campaign", "questionnaire": "QD",
                   "kind": "maison", "national": true, "sections": [
                    {"type": "statistics", "title": "Loyers", "aggregates": ["LOYERS"], "groupBy": ["type", "region"],
                     "chart": "bar"},
                    {"type": "completion", "title": "Avancement", "groupBy": ["department"]}]}]}
                """;

        List<ReportDefinition> read = loaded(loader.load(plugin(reports), NONE_INSTALLED)).reports();

        assertEquals(ReportDefinition.STANDARD, read.get(0).kind());
        assertEquals(List.of("LOYERS"), read.get(0).aggregates());
        assertEquals(List.of("CR.LOYERS.MONTANT"), read.get(0).cells());
        assertEquals(ReportChart.BAR, read.get(0).sections().get(1).chart());
        assertEquals(ReportChart.NONE, read.get(0).sections().get(0).chart());
        assertEquals("maison", read.get(1).kind());
        assertEquals(true, read.get(1).national());
        assertEquals(List.of(ReportGrouping.TYPE, ReportGrouping.REGION), read.get(1).sections().get(0).groupings());
        assertEquals(ReportSectionKind.COMPLETION, read.get(1).sections().get(1).kind());
    }

    @Test
    void unknownMeasuresAndMisplacedSectionsRejectThePluginWithTheirLocation() {
        String reports = """
                {"reports": [
                  {"code": "DIS", "title": "Diagnostic", "scope": "dossier", "questionnaire": "QD", "national": true,
                   "sections": [
                    {"type": "ratios", "title": "Ratios", "aggregates": ["FRNG"], "cells": ["CR.AUTRE.MONTANT"]},
                    {"type": "cells", "title": "Textes", "cells": ["CR.NOTE.TEXTE"], "groupBy": ["type"]},
                    {"type": "statistics", "title": "Statistiques", "aggregates": ["LOYERS"]},
                    {"type": "trend", "title": "Vide"}]},
                  {"code": "AVANCEMENT", "title": "Avancement", "scope": "campaign", "questionnaire": "QD",
                   "sections": [{"type": "completion", "title": "Avancement", "aggregates": ["LOYERS"]}]}]}
                """;

        List<DefinitionProblem> problems = rejected(loader.load(plugin(reports), NONE_INSTALLED));

        assertProblem(problems, PATH, 2, 97, "seul un rapport de campagne peut être réservé");
        assertProblem(problems, PATH, 4, 58, "agrégat inconnu « FRNG » : le plugin ne le déclare pas pour le "
                + "questionnaire QD");
        assertProblem(problems, PATH, 4, 77, "cellule inconnue « CR.AUTRE.MONTANT » dans le questionnaire QD");
        assertProblem(problems, PATH, 5, 52, "la cellule « CR.NOTE.TEXTE » du questionnaire QD n'est pas un nombre");
        assertProblem(problems, PATH, 5, 82, "seules les sections d'un rapport de campagne regroupent");
        assertProblem(problems, PATH, 6, 14, "une section « statistics » n'a sa place que dans un rapport de "
                + "campagne");
        assertProblem(problems, PATH, 7, 14, "une section « trend » montre au moins un agrégat ou une cellule");
        assertProblem(problems, PATH, 9, 26, "une section « completion » ne lit ni agrégat ni cellule");
        assertEquals(8, problems.size(), problems::toString);
    }

    @Test
    void aReportWithoutSectionsIsRefusedByTheSchema() {
        String reports = """
                {"reports": [{"code": "VIDE", "title": "Vide", "scope": "dossier", "questionnaire": "QD",
                  "sections": []}]}
                """;

        List<DefinitionProblem> problems = rejected(loader.load(plugin(reports), NONE_INSTALLED));

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(PATH, problems.get(0).location().file());
    }
}
