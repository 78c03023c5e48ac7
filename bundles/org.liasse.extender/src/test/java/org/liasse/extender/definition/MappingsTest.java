package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.liasse.extender.definition.Fixtures.assertProblem;
import static org.liasse.extender.definition.Fixtures.file;
import static org.liasse.extender.definition.Fixtures.loaded;
import static org.liasse.extender.definition.Fixtures.rejected;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.MappingDefinition;

/** Import mappings declared by plugins in {@code mappings/*.json}. */
class MappingsTest {

    private static final String QUESTIONNAIRE = "META-INF/liasse/questionnaires/qdis.json";
    private static final String FILE = "META-INF/liasse/mappings/comptable.json";
    private static final String QDIS = """
        {
          "code": "QDIS", "version": "2025.1", "title": "Questionnaire de test", "years": [2025],
          "fiches": [ { "code": "CR", "title": "Compte de résultat", "tables": [ {
            "code": "PRODUITS", "title": "Produits",
            "rows": [ { "code": "LOYERS", "label": "Loyers" }, { "code": "CHARGES", "label": "Charges" } ],
            "columns": [ { "code": "MONTANT", "label": "Montant", "type": "amount" } ]
          } ] } ]
        }
        """;

    private final DefinitionLoader loader = new DefinitionLoader();

    private LoadResult load(String mappings) {
        return loader.load(List.of(file(QUESTIONNAIRE, QDIS), file(FILE, mappings)), Fixtures.NONE_INSTALLED);
    }

    @Test
    void aMappingIsReadWithItsKeysAndXmlNamesDefaultingToTheColumns() {
        List<MappingDefinition> mappings = loaded(load("""
            { "mappings": [ {
                "code": "EXPORT_COMPTABLE", "title": "Export comptable", "questionnaire": "QDIS",
                "columns": { "key": "compte", "value": "solde" },
                "cells": [ { "key": "706", "cell": "CR.LOYERS.MONTANT" }, { "key": " 60 ", "cell": "CR.CHARGES.MONTANT" } ]
            } ] }
            """)).mappings();

        assertEquals(1, mappings.size());
        MappingDefinition mapping = mappings.get(0);
        assertEquals("EXPORT_COMPTABLE", mapping.code());
        assertEquals("QDIS", mapping.questionnaire());
        assertEquals("compte", mapping.keyColumn());
        assertEquals("solde", mapping.valueColumn());
        assertEquals("solde", mapping.xmlRecord());
        assertEquals("compte", mapping.xmlKey());
        assertEquals(Map.of("706", "CR.LOYERS.MONTANT", "60", "CR.CHARGES.MONTANT"), mapping.cells());
        assertEquals("CR.LOYERS.MONTANT", mapping.cellFor("706"));
        assertEquals(null, mapping.cellFor("999"));
        assertEquals(FILE, mapping.location().file());
    }

    @Test
    void theXmlNamesMayBeGiven() {
        MappingDefinition mapping = loaded(load("""
            { "mappings": [ {
                "code": "M", "title": "M", "questionnaire": "QDIS", "columns": { "key": "k", "value": "v" },
                "xml": { "record": "ecriture", "key": "compte" },
                "cells": [ { "key": "706", "cell": "CR.LOYERS.MONTANT" } ]
            } ] }
            """)).mappings().get(0);

        assertEquals("ecriture", mapping.xmlRecord());
        assertEquals("compte", mapping.xmlKey());
    }

    @Test
    void unknownQuestionnairesCellsAndDuplicatesAreReportedWhereTheyAre() {
        List<DefinitionProblem> problems = rejected(load("""
            { "mappings": [
              { "code": "M1", "title": "A", "questionnaire": "QDIS", "columns": { "key": "k", "value": "v" },
                "cells": [
                  { "key": "706", "cell": "CR.LOYERS.MONTANT" },
                  { "key": "706", "cell": "CR.CHARGES.MONTANT" },
                  { "key": "707", "cell": "CR.LOYERS.MONTANT" },
                  { "key": "708", "cell": "CR.R99.MONTANT" }
                ] },
              { "code": "M1", "title": "B", "questionnaire": "QX", "columns": { "key": "k", "value": "K" },
                "cells": [ { "key": "1", "cell": "A.B.C" } ] },
              { "code": "LIASSE", "title": "C", "questionnaire": "QDIS", "columns": { "key": "k", "value": "v" },
                "cells": [ { "key": "1", "cell": "CR.LOYERS.MONTANT" } ] }
            ] }
            """));

        assertProblem(problems, FILE, 5, 16, "clé en double « 706 » (déjà déclaré ligne 4, colonne 16)");
        assertProblem(problems, FILE, 6, 31, "cellule « CR.LOYERS.MONTANT » déjà alimentée par une autre clé");
        assertProblem(problems, FILE, 7, 31, "cellule inconnue « CR.R99.MONTANT » dans le questionnaire QDIS");
        assertProblem(problems, FILE, 9, 13, "code de correspondance en double « M1 »");
        assertProblem(problems, FILE, 9, 50, "questionnaire inconnu « QX »");
        assertProblem(problems, FILE, 9, 90, "les colonnes de la clé et de la valeur doivent être différentes");
        assertProblem(problems, FILE, 11, 13, "format Liasse intégré");
        assertEquals(7, problems.size(), problems.toString());
    }

    @Test
    void aMalformedCellCodeBreaksTheSchema() {
        List<DefinitionProblem> problems = rejected(load("""
            { "mappings": [ { "code": "M", "title": "M", "questionnaire": "QDIS", "columns": { "key": "k", "value": "v" },
                "cells": [ { "key": "706", "cell": "loyers" } ] } ] }
            """));

        assertEquals(1, problems.size(), problems.toString());
        assertProblem(problems, FILE, 2, 40, "non conforme au motif");
    }

    @Test
    void aMappingMayReferToAQuestionnaireOfAnotherPlugin() {
        LoadResult result = loader.load(List.of(file(FILE, """
            { "mappings": [ { "code": "M", "title": "M", "questionnaire": "QDIS", "columns": { "key": "k", "value": "v" },
                "cells": [ { "key": "706", "cell": "CR.LOYERS.MONTANT" } ] } ] }
            """)), code -> Optional.empty());

        assertProblem(rejected(result), FILE, 1, 63, "questionnaire inconnu « QDIS »");
    }
}
