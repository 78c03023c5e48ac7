package org.liasse.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FieldType;

/**
 * The server writes values as the browser does: both run the fixtures of {@code org.liasse.web}'s
 * {@code src/test/resources/format-fr.json} (the browser side with {@code node --test}).
 */
class FrenchFormatFixturesTest {

    private static final Path FIXTURES = Path.of("../org.liasse.web/src/test/resources/format-fr.json");
    private static JsonNode fixtures;

    @BeforeAll
    static void read() throws IOException {
        fixtures = new ObjectMapper().readTree(FIXTURES.toFile());
    }

    private static void each(String kind, Consumer<JsonNode> check) {
        assertFalse(fixtures.path(kind).isEmpty(), "no " + kind + " fixtures");
        fixtures.path(kind).forEach(check);
    }

    @Test
    void numbers() {
        each("number", c -> assertEquals(c.get(1).asText(), FrenchFormat.number(new BigDecimal(c.get(0).asText()))));
        each("numberWithScale", c -> assertEquals(c.get(2).asText(),
            FrenchFormat.number(new BigDecimal(c.get(0).asText()), c.get(1).asInt())));
    }

    @Test
    void cells() {
        each("cell", c -> {
            JsonNode column = c.get(0);
            ColumnDefinition definition = new ColumnDefinition("C", "Colonne", FieldType.valueOf(column.get("type").asText()),
                column.get("scale").asInt(), 100, false, List.of(), column.get("unit").asText(), "", null, null, null, false);
            assertEquals(c.get(2).asText(), FrenchFormat.cell(definition, c.get(1).asText()), c.toString());
        });
    }

    @Test
    void dates() {
        each("date", c -> assertEquals(c.get(1).asText(), FrenchFormat.date(LocalDate.parse(c.get(0).asText()))));
        each("longDate", c -> assertEquals(c.get(1).asText(), FrenchFormat.longDate(LocalDate.parse(c.get(0).asText()))));
        each("parseDate", c -> assertEquals(c.get(1).isNull() ? null : c.get(1).asText(),
            FrenchFormat.parseDate(c.get(0).asText()).map(LocalDate::toString).orElse(null), c.toString()));
    }

    @Test
    void booleansAndCounts() {
        each("typography", c -> assertEquals(c.get(1).asText(), FrenchFormat.typography(c.get(0).asText())));
        each("bool", c -> assertEquals(c.get(1).asText(), FrenchFormat.bool(c.get(0).asText())));
        each("agree", c -> assertEquals(c.get(3).asText(),
            FrenchFormat.agree(c.get(0).asLong(), c.get(1).asText(), c.get(2).asText())));
        each("count", c -> assertEquals(c.get(3).asText(),
            FrenchFormat.count(c.get(0).asLong(), c.get(1).asText(), c.get(2).asText())));
    }

    @Test
    void everyFixtureKindIsChecked() {
        Set<String> kinds = new TreeSet<>();
        fixtures.fieldNames().forEachRemaining(kinds::add);
        kinds.removeIf(kind -> kind.startsWith("_"));
        assertEquals(new TreeSet<>(Set.of("number", "numberWithScale", "cell", "date", "longDate", "parseDate", "typography", "bool",
            "agree", "count")), kinds);
    }
}
