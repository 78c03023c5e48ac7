package org.liasse.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shared steps on demo ER dossiers over HTTP: saving values, justifying warnings, choosing recipients (each with the
 * ETag just read), figures that pass the error controls, and moving a dossier on as its signer does.
 */
final class Dossiers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What moving on needs from an account made by {@link Accounts} when the step signs or transmits: the
     * certification, its password, the confirmation of the delivery.
     */
    static final String ATTESTATION = json(Map.of("certified", true, "password", Accounts.PASSWORD, "confirmed", true));

    private Dossiers() {
    }

    /** Saves values with the dossier's current ETag. */
    static Http.Reply save(Http http, long id, Map<String, String> values) {
        Http.Reply read = http.get("/dossiers/" + id);
        return http.patch("/dossiers/" + id + "/values", read.etag(), json(Map.of("values", values)));
    }

    /**
     * Moves a dossier one step on as an account made by {@link Accounts}, certifying and confirming, and justifying
     * the warnings that block it; returns the step reached.
     */
    static String advance(Http http, long id) {
        String etag = http.get("/dossiers/" + id + "/workflow").etag();
        Http.Reply reply = http.post("/dossiers/" + id + "/workflow/advance", etag, ATTESTATION);
        if (reply.status() == 409 && reply.json().path("code").asText().equals("controles-bloquants")) {
            for (JsonNode blocking : reply.json().path("blocking")) {
                assertEquals("WARNING", blocking.path("severity").asText(), reply.body());
                assertEquals(200, justify(http, id, blocking.path("code").asText(), "Écart expliqué (FICTIF).")
                    .status());
            }
            return advance(http, id);
        }
        assertEquals(200, reply.status(), reply.body());
        return reply.json().path("step").asText();
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

    /** The demo organisation 000000018's dossier of a campaign year, or 0 when it has none. */
    static long demo(Http http, int year) {
        for (JsonNode node : http.get("/organisations/000000018/dossiers").json()) {
            if (node.path("year").asInt() == year) {
                return node.path("id").asLong();
            }
        }
        return 0;
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
