package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.SyncMappingDefinition;

/** Cells brought in from another partner's server, declared by plugins in {@code sync/*.json}. */
class SyncMappingsTest {

    private static final String QUESTIONNAIRE = "META-INF/liasse/questionnaires/qdis.json";
    private static final String FILE = "META-INF/liasse/sync/ministere.json";
    private static final String QDIS = """
        {
          "code": "QDIS", "version": "2025.1", "title": "Questionnaire de test", "years": [2025],
          "fiches": [ { "code": "CR", "title": "Compte de résultat", "tables": [ {
            "code": "PRODUITS", "title": "Produits",
            "rows": [ { "code": "LOYERS", "label": "Loyers" }, { "code": "CHARGES", "label": "Charges" },
                      { "code": "TOTAL", "label": "Total", "computed": { "MONTANT": "CR.LOYERS.MONTANT + CR.CHARGES.MONTANT" } } ],
            "columns": [ { "code": "MONTANT", "label": "Montant", "type": "amount" } ]
          } ] }, { "code": "IDENT", "title": "Identification", "tables": [ {
            "code": "ORG", "title": "Organisme", "rows": [ { "code": "R01", "label": "Organisme" } ],
            "columns": [ { "code": "NOM", "label": "Nom", "type": "text", "maxLength": 100 } ] } ] } ]
        }
        """;

    private final DefinitionLoader loader = new DefinitionLoader();

    private LoadResult load(String sync) {
        return loader.load(List.of(file(QUESTIONNAIRE, QDIS), file(FILE, sync)), Fixtures.NONE_INSTALLED);
    }

    @Test
    void wholeFichesTakeTheCellsWithTheSameCodesAndRenamesWin() {
        PluginDefinitions definitions = loaded(load("""
            { "sync": [ {
                "code": "ER", "title": "États réglementaires", "questionnaire": "QDIS",
                "from": { "partner": "ministry", "questionnaire": "ER" },
                "fiches": ["CR"],
                "cells": [ { "from": "CR.CHARGES_RECUP.MONTANT", "to": "CR.CHARGES.MONTANT" },
                           { "from": "IDENT.ORG.RAISON", "to": "IDENT.R01.NOM" } ]
            } ] }
            """));

        SyncMappingDefinition mapping = definitions.syncMappings().get(0);
        assertEquals("ministry", mapping.partner());
        assertEquals("ER", mapping.source());
        assertEquals(FILE, mapping.location().file());
        assertEquals(Map.of("CR.LOYERS.MONTANT", "CR.LOYERS.MONTANT", "CR.CHARGES.MONTANT", "CR.CHARGES_RECUP.MONTANT",
                "IDENT.R01.NOM", "IDENT.ORG.RAISON"), mapping.cells(definitions.questionnaires().get(0)),
            "the computed total is never brought in");
    }

    @Test
    void unknownFichesAndCellsComputedCellsAndDuplicatesRejectThePluginWithTheirLocation() {
        List<DefinitionProblem> problems = rejected(load("""
            { "sync": [
              { "code": "A", "title": "A", "questionnaire": "QDIS", "from": { "partner": "ministry", "questionnaire": "ER" },
                "fiches": ["BILAN", "CR", "CR"],
                "cells": [ { "from": "X.Y.Z", "to": "CR.R99.MONTANT" }, { "from": "X.Y.Z", "to": "CR.TOTAL.MONTANT" } ] },
              { "code": "A", "title": "B", "questionnaire": "QX", "from": { "partner": "epl", "questionnaire": "ER" } }
            ] }
            """));

        assertProblem(problems, FILE, 3, 16, "fiche inconnue « BILAN » dans le questionnaire QDIS version 2025.1");
        assertProblem(problems, FILE, 3, 31, "fiche « CR » en double");
        assertProblem(problems, FILE, 4, 41, "cellule inconnue « CR.R99.MONTANT » dans le questionnaire QDIS");
        assertProblem(problems, FILE, 4, 86, "est calculée");
        assertProblem(problems, FILE, 5, 13, "code de rapatriement en double « A »");
        assertProblem(problems, FILE, 5, 49, "questionnaire inconnu « QX »");
        assertProblem(problems, FILE, 5, 3, "ne remplit aucune cellule");
        assertEquals(7, problems.size(), problems.toString());
    }

    @Test
    void anUnknownPartnerBreaksTheSchema() {
        List<DefinitionProblem> problems = rejected(load("""
            { "sync": [ { "code": "A", "title": "A", "questionnaire": "QDIS",
                "from": { "partner": "inconnu", "questionnaire": "ER" }, "fiches": ["CR"] } ] }
            """));

        assertEquals(1, problems.size(), problems.toString());
    }
}
