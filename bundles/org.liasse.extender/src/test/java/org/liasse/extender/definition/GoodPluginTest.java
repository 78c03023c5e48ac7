package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.NONE_INSTALLED;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.plugin;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.ReportChart;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.ReportSection;
import org.liasse.api.definition.ReportSectionKind;
import org.liasse.api.definition.ReportScope;
import org.liasse.api.definition.RowDefinition;
import org.liasse.api.definition.Severity;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.definition.TableDefinition;

class GoodPluginTest {

    private static final String QUESTIONNAIRE = "META-INF/liasse/questionnaires/er-2025.json";

    private final PluginDefinitions definitions = loaded(new DefinitionLoader().load(plugin("good"), NONE_INSTALLED));

    @Test
    void loadsTheQuestionnaireWithDefaultsApplied() {
        TableDefinition organisme = TableDefinition.fixed("ORGANISME", "Organisme déclarant",
                List.of(RowDefinition.of("R01", "Organisme")),
                List.of(ColumnDefinition.of("RAISON_SOCIALE", "Raison sociale", FieldType.TEXT, 0, 200, true,
                                List.of()),
                        ColumnDefinition.of("CATEGORIE", "Catégorie d'organisme", FieldType.CODE, 0, 0, true,
                                List.of("OPH", "SA_HLM", "COOP_HLM", "SEM")),
                        ColumnDefinition.of("DATE_CLOTURE", "Date de clôture de l'exercice", FieldType.DATE, 0, 0,
                                false, List.of()),
                        ColumnDefinition.of("LOGEMENTS", "Nombre de logements gérés", FieldType.INTEGER, 0, 0, false,
                                List.of())));
        TableDefinition actif = TableDefinition.fixed("ACTIF", "Actif",
                List.of(RowDefinition.of("R01", "Immobilisations corporelles locatives"),
                        RowDefinition.of("R02", "Immobilisations financières"),
                        RowDefinition.of("R03", "Créances locataires et acquéreurs"),
                        RowDefinition.of("R04", "Trésorerie"),
                        RowDefinition.of("TOTAL", "Total de l'actif")),
                List.of(ColumnDefinition.of("MONTANT", "Montant net (€)", FieldType.AMOUNT, 2, 0, true, List.of()),
                        ColumnDefinition.of("MONTANT_N1", "Montant net de l'exercice précédent (€)", FieldType.AMOUNT,
                                0, 0, false, List.of())));
        TableDefinition ratios = TableDefinition.fixed("RATIOS", "Ratios de gestion",
                List.of(RowDefinition.of("R10", "Taux de vacance"),
                        RowDefinition.of("R11", "Autofinancement net rapporté aux loyers")),
                List.of(ColumnDefinition.of("TAUX", "Taux (%)", FieldType.PERCENTAGE, 2, 0, false, List.of()),
                        ColumnDefinition.of("COEFFICIENT", "Coefficient", FieldType.DECIMAL, 4, 0, false, List.of()),
                        ColumnDefinition.of("ALERTE", "Seuil d'alerte atteint", FieldType.BOOLEAN, 0, 0, false,
                                List.of())));
        QuestionnaireDefinition expected = new QuestionnaireDefinition("ER", "2025.1",
                "État réglementaire annuel des organismes de logement social (fictif)", List.of(2025),
                List.of(new FicheDefinition("IDENT", "Identification de l'organisme", List.of(organisme)),
                        new FicheDefinition("BILAN", "Bilan simplifié", List.of(actif, ratios))),
                Map.of(), new SourceLocation(QUESTIONNAIRE, 1, 1));

        assertEquals(List.of(expected), definitions.questionnaires());
        assertEquals(4 + 5 * 2 + 2 * 3, expected.cells().size());
    }

    @Test
    void loadsTheControlWithItsCells() {
        ControlDefinition expected = new ControlDefinition("C_BILAN_TOTAL_ACTIF", "ER", Severity.ERROR,
                "BILAN.TOTAL.MONTANT = BILAN.R01.MONTANT + BILAN.R02.MONTANT + BILAN.R03.MONTANT + BILAN.R04.MONTANT",
                "Le total de l'actif doit être égal à la somme des postes de l'actif.",
                List.of("BILAN.TOTAL.MONTANT", "BILAN.R01.MONTANT", "BILAN.R02.MONTANT", "BILAN.R03.MONTANT",
                        "BILAN.R04.MONTANT"),
                new SourceLocation("META-INF/liasse/controls/bilan.json", 3, 5));

        assertEquals(List.of(expected), definitions.controls());
    }

    @Test
    void loadsTheReport() {
        ReportDefinition expected = new ReportDefinition("FICHE_BILAN", "Bilan simplifié de l'organisme",
                ReportScope.DOSSIER, "ER", ReportDefinition.STANDARD, false, List.of(
                new ReportSection(ReportSectionKind.CELLS, "Actif", List.of(),
                        List.of("BILAN.R01.MONTANT", "BILAN.TOTAL.MONTANT"), List.of(), ReportChart.NONE),
                new ReportSection(ReportSectionKind.TREND, "Évolution de l'actif", List.of(),
                        List.of("BILAN.TOTAL.MONTANT"), List.of(), ReportChart.LINE)),
                new SourceLocation("META-INF/liasse/reports/bilan.json", 3, 5));

        assertEquals(List.of(expected), definitions.reports());
    }

    @Test
    void loadsTheFrenchMessages() {
        Map<String, String> expected = Map.of(
                "questionnaire.ER.aide",
                "Saisissez les montants du bilan en euros, sans centimes pour l'exercice précédent.",
                "controle.C_BILAN_TOTAL_ACTIF.aide", "Vérifiez les postes R01 à R04 de la fiche Bilan.",
                "rapport.FICHE_BILAN.titre", "Bilan simplifié");

        assertEquals(Map.of("fr", expected), definitions.messages());
    }
}
