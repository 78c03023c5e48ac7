package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liasse.api.audit.AuditFilter;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;

/** The audit log's query parameters: days in Paris time, both ends included, every mistake named in French. */
class AuditQueryParametersTest {

    @Test
    void readsAPeriodOfParisDaysBothIncluded() {
        AuditFilter filter = new AuditQueryParameters(" camille ", "droits.modifies", "1/06/2026", "2026-06-30", " 42 ")
            .filter(Set.of("000000018"));

        assertEquals(new AuditFilter(Set.of("000000018"), "camille", "droits.modifies",
            Instant.parse("2026-05-31T22:00:00Z"), Instant.parse("2026-06-30T22:00:00Z"), 42L), filter);
        assertEquals(AuditFilter.of(null), new AuditQueryParameters("", " ", null, "").filter(null));
    }

    @Test
    void namesEveryWrongParameter() {
        LiasseException refused = assertThrows(LiasseException.class,
            () -> new AuditQueryParameters("x".repeat(121), null, "31/06/2026", "2026-02-30", "-3").filter(null));

        assertEquals(400, refused.status());
        assertEquals("filtre-invalide", refused.code());
        assertEquals(List.of("acteur", "du", "au", "dernier"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals("« 31/06/2026 » n’est pas une date JJ/MM/AAAA.", refused.errors().get(1).message());
        assertEquals(List.of("periode-inversee"), assertThrows(LiasseException.class,
            () -> new AuditQueryParameters(null, null, "2026-06-02", "2026-06-01").filter(null)).errors().stream()
            .map(FieldError::code).toList());
    }

    @Test
    void readsBoundedWholeNumbers() {
        assertEquals(200, AuditQueryParameters.number("limit", null, 200, 1, 1000));
        assertEquals(400, AuditQueryParameters.number("offset", " 400 ", 0, 0, 5000));
        for (String wrong : List.of("0", "1001", "deux", "1.5")) {
            LiasseException refused = assertThrows(LiasseException.class,
                () -> AuditQueryParameters.number("limit", wrong, 200, 1, 1000));
            assertEquals("« " + wrong + " » n’est pas un nombre entier de 1 à 1000.", refused.errors().get(0).message());
        }
    }
}
