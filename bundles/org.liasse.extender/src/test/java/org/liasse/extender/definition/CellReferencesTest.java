package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liasse.extender.definition.CellReferences.CellReference;

class CellReferencesTest {

    @Test
    void findsReferencesInOrderWithTheirIndex() {
        assertEquals(List.of(
                        new CellReference("BILAN.TOTAL.MONTANT", Optional.empty(), "BILAN.TOTAL.MONTANT", 0),
                        new CellReference("QDIS:DETTES.R01.MONTANT", Optional.of("QDIS"), "DETTES.R01.MONTANT", 22)),
                CellReferences.in("BILAN.TOTAL.MONTANT = QDIS:DETTES.R01.MONTANT * 1.5"));
    }

    @Test
    void ignoresWordsThatAreNotCellCodes() {
        assertEquals(List.of(), CellReferences.in(
                "SOMME(BILAN.R01) > 0.5 ET bilan.r01.montant = 2 ET A.B.C.D = 1 ET A.B.C: = 2 ET 1A.B.C = 0"));
    }

    @Test
    void ignoresQuotedLiterals() {
        List<CellReference> references = CellReferences.in("'BILAN.R01.MONTANT' <> \"A.B.C\" OU IDENT.R01.NOM");

        assertEquals(List.of("IDENT.R01.NOM"), references.stream().map(CellReference::text).toList());
        assertEquals(34, references.get(0).index());
    }

    @Test
    void findsReferencesNextToOperatorsAndParentheses() {
        assertEquals(List.of("A.B.C", "D_1.E2.F_3"),
                CellReferences.in("(A.B.C+D_1.E2.F_3)").stream().map(CellReference::text).toList());
    }
}
