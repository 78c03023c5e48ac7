package org.liasse.extender.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.liasse.extender.definition.LocatedNode.JsonArray;
import org.liasse.extender.definition.LocatedNode.JsonBoolean;
import org.liasse.extender.definition.LocatedNode.JsonNull;
import org.liasse.extender.definition.LocatedNode.JsonNumber;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;
import org.liasse.extender.definition.LocatedNode.Member;

/** Reads strict JSON into a tree of {@link LocatedNode}s with Jackson's streaming parser. */
final class JsonTreeReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Levels of objects and arrays a definition file may nest; far below the parser's own limit. */
    static final int MAX_NESTING = 100;
    private static final int MAX_DIGITS = 40;

    private final JsonParser parser;
    private final FileProblems problems;
    private int refused;
    private int nesting;

    /** Stops reading at an object or array nested too deeply, where it opens. */
    private static final class TooDeep extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Position at;

        TooDeep(Position at) {
            super(null, null);
            this.at = at;
        }
    }

    private JsonTreeReader(JsonParser parser, FileProblems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * Parses a UTF-8 JSON document.
     * Returns empty, after reporting the problems, when the content is not valid JSON or repeats a key.
     */
    static Optional<JsonTree> read(byte[] content, FileProblems problems) {
        return SourceText.decode(content, problems).flatMap(text -> read(text, problems));
    }

    private static Optional<JsonTree> read(String text, FileProblems problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                problems.add(new Position(1, 1), "JSON invalide : le fichier est vide");
                return Optional.empty();
            }
            JsonTreeReader reader = new JsonTreeReader(parser, problems);
            LocatedNode root = reader.value();
            if (parser.nextToken() != null) {
                problems.add(position(parser.currentTokenLocation()),
                        "JSON invalide : contenu inattendu après la fin du document");
                return Optional.empty();
            }
            return reader.refused == 0 ? Optional.of(new JsonTree(root, text)) : Optional.empty();
        } catch (TooDeep e) {
            problems.add(e.at, "JSON trop imbriqué : " + MAX_NESTING + " niveaux d'objets et de tableaux au plus");
        } catch (JsonProcessingException e) {
            problems.add(position(e.getLocation()), "JSON invalide : " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.addToFile("JSON illisible : " + e.getMessage());
        }
        return Optional.empty();
    }

    private LocatedNode value() throws IOException {
        Position at = position(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> nested(at, () -> object(at));
            case START_ARRAY -> nested(at, () -> array(at));
            case VALUE_STRING -> new JsonString(at, (int) parser.currentTokenLocation().getCharOffset(),
                    parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(at);
            case VALUE_TRUE -> new JsonBoolean(at, true);
            case VALUE_FALSE -> new JsonBoolean(at, false);
            case VALUE_NULL -> new JsonNull(at);
            default -> throw new IllegalStateException("Unexpected JSON token " + token);
        };
    }

    /**
     * A number, refused when it has more than {@value #MAX_DIGITS} digits or an exponent beyond that: written out
     * ({@code 1e999999999}), it would cost time and memory in proportion to its exponent wherever it is shown.
     */
    private JsonNumber number(Position at) throws IOException {
        BigDecimal value = parser.getDecimalValue();
        if (value.precision() > MAX_DIGITS || Math.abs(value.scale()) > MAX_DIGITS) {
            problems.add(at, "nombre hors limites : " + MAX_DIGITS + " chiffres au plus, sans exposant plus grand");
            refused++;
            return new JsonNumber(at, BigDecimal.ZERO);
        }
        return new JsonNumber(at, value);
    }

    /** Reads a container. */
    private interface Container {
        LocatedNode read() throws IOException;
    }

    private LocatedNode nested(Position at, Container container) throws IOException {
        if (nesting == MAX_NESTING) {
            throw new TooDeep(at);
        }
        nesting++;
        try {
            return container.read();
        } finally {
            nesting--;
        }
    }

    private JsonObject object(Position at) throws IOException {
        List<Member> members = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Position nameAt = position(parser.currentTokenLocation());
            parser.nextToken();
            LocatedNode value = value();
            if (names.add(name)) {
                members.add(new Member(name, nameAt, value));
            } else {
                problems.add(nameAt, "clé en double : « " + name + " »");
                refused++;
            }
        }
        return new JsonObject(at, members);
    }

    private JsonArray array(Position at) throws IOException {
        List<LocatedNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value());
        }
        return new JsonArray(at, items);
    }

    private static Position position(JsonLocation location) {
        if (location == null) {
            return new Position(0, 0);
        }
        return new Position(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }
}
