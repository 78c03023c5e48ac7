package org.liasse.extender.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.Formula;

/**
 * The browser's live totals ({@code formula.js}) and the server's formulas agree: both run the cases of
 * {@code org.liasse.web}'s {@code src/test/resources/live-totals.json}. Here each source must compile to the tree
 * the fixture gives to the browser, and evaluate, rounded half up to the column's scale as stored, to the fixture's
 * value.
 */
class LiveTotalsFixtureTest {

    private static final Path FIXTURES = Path.of("../org.liasse.web/src/test/resources/live-totals.json");

    private static final CellSpace ANY_CELL = new CellSpace() {
        @Override
        public Optional<String> refuse(String cell) {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> range(String from, String to) {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> everyRow(String fiche, String table, String column) {
            return Optional.empty();
        }
    };

    @Test
    void theServerStoresWhatTheBrowserShows() throws IOException, FormulaException {
        ObjectMapper json = new ObjectMapper();
        JsonNode cases = json.readTree(FIXTURES.toFile()).get("cases");
        assertFalse(cases.isEmpty());
        for (JsonNode fixture : cases) {
            String source = fixture.get(0).asText();
            Formula formula = FormulaCompiler.compile(source, ANY_CELL, null);
            assertEquals(fixture.get(1), json.valueToTree(formula.tree()), "tree of " + source);
            JsonNode values = fixture.get(2);
            BigDecimal result = formula.evaluate(cell -> values.has(cell) ? new BigDecimal(values.get(cell).asText()) : null);
            String stored = result == null ? null
                : result.setScale(fixture.get(3).asInt(), RoundingMode.HALF_UP).toPlainString();
            assertEquals(fixture.get(4).isNull() ? null : fixture.get(4).asText(), stored, fixture.toString());
        }
    }
}
