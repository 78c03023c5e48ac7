package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shared steps on demo ER dossiers over HTTP: saving values, justifying warnings, choosing recipients (each with the
 * ETag just read), and figures that pass the error controls.
 */
final class Dossiers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Dossiers() {
    }

    /** Saves values with the dossier's current ETag. */
    static Http.Reply save(Http http, long id, Map<String, String> values) {
        Http.Reply read = http.get("/dossiers/" + id);
        return http.patch("/dossiers/" + id + "/values", read.etag(), json(Map.of("values", values)));
    }

    /** Justifies a warning of the latest verification with the justifications' current ETag. */
    static Http.Reply justify(Http http, long id, String control, String text) {
        Http.Reply latest = http.get("/dossiers/" + id + "/verifications/latest");
        return http.put("/dossiers/" + id + "/justifications/" + control, latest.etag(), json(Map.of("text", text)));
    }

    /** Ticks or unticks a recipient of a dossier with the choices' current ETag. */
    static Http.Reply choose(Http http, long id, String target, boolean chosen) {
        Http.Reply read = http.get("/dossiers/" + id + "/recipients");
        return http.put("/dossiers/" + id + "/recipients/" + target, read.etag(), json(Map.of("chosen", chosen)));
    }

    /** An amount of a values object, zero when empty. */
    static BigDecimal amount(JsonNode values, String cell) {
        String text = values.path(cell).asText("");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    /** A value as JSON. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Balances a dossier's balance sheet (no error left) and makes rents ten times those of year N-1 (a warning). */
    static void enterCleanFiguresWithAWarning(Http http, long id) {
        JsonNode current = http.get("/dossiers/" + id).json();
        BigDecimal gap = amount(current.path("values"), "BILAN.TOTAL_ACTIF.MONTANT")
            .subtract(amount(current.path("values"), "BILAN.TOTAL_PASSIF.MONTANT"));
        BigDecimal rents = amount(current.path("previous").path("values"), "CR.LOYERS.MONTANT").max(BigDecimal.ONE)
            .multiply(BigDecimal.TEN);
        Http.Reply saved = save(http, id, Map.of(
            "BILAN.AUTRES_DETTES.MONTANT", amount(current.path("values"), "BILAN.AUTRES_DETTES.MONTANT").add(gap).toPlainString(),
            "CR.LOYERS.MONTANT", rents.toPlainString(),
            "PATRIMOINE.PLAI.VACANTS", "0", "IDENT.ACTIONNAIRES_1.PART", "10"));
        assertEquals(200, saved.status(), saved.body());
    }
}
