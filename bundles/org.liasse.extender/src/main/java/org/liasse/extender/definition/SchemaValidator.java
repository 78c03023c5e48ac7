package org.liasse.extender.definition;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.format.FrenchFormat;
import org.liasse.extender.definition.LocatedNode.JsonArray;
import org.liasse.extender.definition.LocatedNode.JsonBoolean;
import org.liasse.extender.definition.LocatedNode.JsonNull;
import org.liasse.extender.definition.LocatedNode.JsonNumber;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;
import org.liasse.extender.definition.LocatedNode.Member;

/**
 * Validates JSON trees against a JSON Schema (draft 2020-12) using only the keywords Liasse needs:
 * {@code type}, {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code enum},
 * {@code const}, {@code pattern}, {@code minLength}, {@code maxLength}, {@code minimum}, {@code maximum},
 * {@code minItems}, {@code $ref} to {@code #/$defs/...} and {@code $defs}. Annotations are ignored.
 * {@code enum} and {@code const} compare scalar values only.
 */
final class SchemaValidator {

    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "items", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "$ref",
            "$defs", "title", "description", "$schema", "$id", "default");
    private static final String DEFS = "#/$defs/";
    private static final Map<String, String> TYPE_NAMES = Map.of("object", "objet", "array", "tableau",
            "string", "chaîne", "number", "nombre", "integer", "entier", "boolean", "booléen", "null", "null");

    private final JsonObject root;
    /** The schema values are validated against: the root, or one of its {@code $defs}. */
    private final JsonObject entry;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /**
     * Wraps a schema, checking that it only uses supported keywords.
     *
     * @throws IllegalArgumentException if the schema uses an unsupported keyword or an unresolvable reference
     */
    SchemaValidator(LocatedNode schema) {
        this.root = asSchema(schema);
        checkSchema(root);
        this.entry = root;
    }

    private SchemaValidator(SchemaValidator whole, String definition) {
        this.root = whole.root;
        this.entry = whole.resolve(new JsonString(root.position(), 0, DEFS + definition));
    }

    /**
     * A validator of the same schema that validates values against one of its definitions instead of the root.
     *
     * @param definition name of an entry of the schema's {@code $defs}
     * @throws IllegalArgumentException if there is no such definition
     */
    SchemaValidator definition(String definition) {
        return new SchemaValidator(this, definition);
    }

    /**
     * Loads a schema from the classpath of this bundle.
     *
     * @param resource absolute resource name, e.g. {@code /schemas/questionnaire.schema.json}
     * @throws IllegalStateException if the resource is missing or is not a valid schema
     */
    static SchemaValidator fromClasspath(String resource) {
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonTree tree = JsonTreeReader.read(resourceBytes(resource), new FileProblems(resource, problems))
                .orElseThrow(() -> new IllegalStateException("Invalid JSON schema " + resource + ": " + problems));
        try {
            return new SchemaValidator(tree.root());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid JSON schema " + resource + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resourceBytes(String resource) {
        try (InputStream in = DefinitionLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing JSON schema " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable JSON schema " + resource, e);
        }
    }

    /** Validates a value, reporting every violation; returns whether the value is valid. */
    boolean validate(LocatedNode value, FileProblems problems) {
        int before = problems.count();
        validate(entry, value, problems);
        return problems.count() == before;
    }

    private void validate(JsonObject schema, LocatedNode value, FileProblems problems) {
        Optional<LocatedNode> ref = schema.get("$ref");
        if (ref.isPresent()) {
            validate(resolve(ref.get()), value, problems);
        }
        Optional<LocatedNode> type = schema.get("type");
        if (type.isPresent() && !hasType(value, type.get())) {
            problems.add(value.position(), "type attendu : " + expectedTypes(type.get())
                    + " (trouvé : " + value.typeName() + ")");
            return;
        }
        schema.get("enum").map(JsonArray.class::cast).ifPresent(allowed -> checkEnum(allowed, value, problems));
        schema.get("const").ifPresent(expected -> {
            if (!sameValue(expected, value)) {
                problems.add(value.position(), "valeur attendue : « " + display(expected) + " »");
            }
        });
        if (value instanceof JsonString string) {
            checkString(schema, string, problems);
        } else if (value instanceof JsonNumber number) {
            checkNumber(schema, number, problems);
        } else if (value instanceof JsonArray array) {
            checkArray(schema, array, problems);
        } else if (value instanceof JsonObject object) {
            checkObject(schema, object, problems);
        }
    }

    private void checkEnum(JsonArray allowed, LocatedNode value, FileProblems problems) {
        if (allowed.items().stream().noneMatch(candidate -> sameValue(candidate, value))) {
            String choices = allowed.items().stream().map(SchemaValidator::display).collect(Collectors.joining(", "));
            problems.add(value.position(),
                    "valeur non autorisée « " + display(value) + " » ; valeurs possibles : " + choices);
        }
    }

    private void checkString(JsonObject schema, JsonString string, FileProblems problems) {
        int length = string.value().codePointCount(0, string.value().length());
        integer(schema, "minLength").filter(min -> length < min).ifPresent(min -> problems.add(string.position(),
                "texte trop court : au moins " + FrenchFormat.count(min, "caractère attendu", "caractères attendus")));
        integer(schema, "maxLength").filter(max -> length > max).ifPresent(max -> problems.add(string.position(),
                "texte trop long : au plus " + FrenchFormat.count(max, "caractère attendu", "caractères attendus") + ", "
                    + length + " " + FrenchFormat.agree(length, "trouvé", "trouvés")));
        schema.get("pattern").map(pattern -> ((JsonString) pattern).value())
                .filter(pattern -> !compiled(pattern).matcher(string.value()).find())
                .ifPresent(pattern -> problems.add(string.position(),
                        "valeur « " + string.value() + " » non conforme au motif " + pattern));
    }

    private static void checkNumber(JsonObject schema, JsonNumber number, FileProblems problems) {
        decimal(schema, "minimum").filter(min -> number.value().compareTo(min) < 0)
                .ifPresent(min -> problems.add(number.position(),
                        "valeur trop petite : " + number.value() + " (minimum : " + min + ")"));
        decimal(schema, "maximum").filter(max -> number.value().compareTo(max) > 0)
                .ifPresent(max -> problems.add(number.position(),
                        "valeur trop grande : " + number.value() + " (maximum : " + max + ")"));
    }

    private void checkArray(JsonObject schema, JsonArray array, FileProblems problems) {
        integer(schema, "minItems").filter(min -> array.items().size() < min).ifPresent(min ->
                problems.add(array.position(), "au moins " + FrenchFormat.count(min, "élément attendu", "éléments attendus")));
        schema.get("items").map(SchemaValidator::asSchema)
                .ifPresent(items -> array.items().forEach(item -> validate(items, item, problems)));
    }

    private void checkObject(JsonObject schema, JsonObject object, FileProblems problems) {
        schema.get("required").map(JsonArray.class::cast).ifPresent(required -> required.items().stream()
                .map(name -> ((JsonString) name).value())
                .filter(name -> object.get(name).isEmpty())
                .forEach(name -> problems.add(object.position(),
                        "propriété obligatoire manquante : « " + name + " »")));
        Optional<JsonObject> properties = schema.get("properties").map(JsonObject.class::cast);
        Optional<LocatedNode> additional = schema.get("additionalProperties");
        for (Member member : object.members()) {
            Optional<LocatedNode> declared = properties.flatMap(props -> props.get(member.name()));
            if (declared.isPresent()) {
                validate(asSchema(declared.get()), member.value(), problems);
            } else if (additional.isPresent() && additional.get() instanceof JsonBoolean allowed) {
                if (!allowed.value()) {
                    problems.add(member.position(), "propriété inconnue : « " + member.name() + " »");
                }
            } else if (additional.isPresent()) {
                validate(asSchema(additional.get()), member.value(), problems);
            }
        }
    }

    private static boolean hasType(LocatedNode value, LocatedNode type) {
        if (type instanceof JsonArray types) {
            return types.items().stream().anyMatch(candidate -> hasType(value, candidate));
        }
        return switch (((JsonString) type).value()) {
            case "object" -> value instanceof JsonObject;
            case "array" -> value instanceof JsonArray;
            case "string" -> value instanceof JsonString;
            case "number" -> value instanceof JsonNumber;
            case "integer" -> value instanceof JsonNumber number && number.integral();
            case "boolean" -> value instanceof JsonBoolean;
            case "null" -> value instanceof JsonNull;
            default -> throw new IllegalArgumentException("Unknown JSON schema type " + type);
        };
    }

    private static String expectedTypes(LocatedNode type) {
        if (type instanceof JsonArray types) {
            return types.items().stream().map(SchemaValidator::expectedTypes).collect(Collectors.joining(" ou "));
        }
        return TYPE_NAMES.get(((JsonString) type).value());
    }

    private static boolean sameValue(LocatedNode a, LocatedNode b) {
        return Objects.equals(scalar(a), scalar(b));
    }

    private static Object scalar(LocatedNode node) {
        if (node instanceof JsonString string) {
            return string.value();
        }
        if (node instanceof JsonNumber number) {
            return number.value().stripTrailingZeros();
        }
        if (node instanceof JsonBoolean bool) {
            return bool.value();
        }
        return node instanceof JsonNull ? JsonNull.class : node;
    }

    private static String display(LocatedNode node) {
        if (node instanceof JsonString string) {
            return string.value();
        }
        if (node instanceof JsonNumber number) {
            return number.value().toString();
        }
        if (node instanceof JsonBoolean bool) {
            return String.valueOf(bool.value());
        }
        return node.typeName();
    }

    private static Optional<Integer> integer(JsonObject schema, String keyword) {
        return decimal(schema, keyword).map(BigDecimal::intValueExact);
    }

    private static Optional<BigDecimal> decimal(JsonObject schema, String keyword) {
        return schema.get(keyword).map(value -> ((JsonNumber) value).value());
    }

    private Pattern compiled(String pattern) {
        return patterns.computeIfAbsent(pattern, Pattern::compile);
    }

    private JsonObject resolve(LocatedNode ref) {
        String target = ((JsonString) ref).value();
        if (!target.startsWith(DEFS)) {
            throw new IllegalArgumentException("Unsupported $ref " + target);
        }
        return root.get("$defs").map(JsonObject.class::cast)
                .flatMap(defs -> defs.get(target.substring(DEFS.length())))
                .map(SchemaValidator::asSchema)
                .orElseThrow(() -> new IllegalArgumentException("Unresolvable $ref " + target));
    }

    private void checkSchema(JsonObject schema) {
        for (Member member : schema.members()) {
            if (!KEYWORDS.contains(member.name())) {
                throw new IllegalArgumentException("Unsupported JSON schema keyword " + member.name()
                        + " at line " + member.position().line());
            }
        }
        schema.get("$ref").ifPresent(this::resolve);
        schema.get("pattern").ifPresent(pattern -> compiled(((JsonString) pattern).value()));
        schema.get("items").map(SchemaValidator::asSchema).ifPresent(this::checkSchema);
        schema.get("additionalProperties").filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .ifPresent(this::checkSchema);
        for (String container : List.of("properties", "$defs")) {
            schema.get(container).map(JsonObject.class::cast).ifPresent(children -> children.members()
                    .forEach(child -> checkSchema(asSchema(child.value()))));
        }
    }

    private static JsonObject asSchema(LocatedNode node) {
        if (node instanceof JsonObject schema) {
            return schema;
        }
        throw new IllegalArgumentException("Expected a schema object at line " + node.position().line());
    }
}
