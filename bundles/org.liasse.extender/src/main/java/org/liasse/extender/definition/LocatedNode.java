package org.liasse.extender.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A JSON value that remembers where it starts in its source text. */
sealed interface LocatedNode {

    /** Where the value starts. */
    Position position();

    /** French name of the JSON type, as shown in messages. */
    String typeName();

    /**
     * A member of an object.
     *
     * @param name     member name
     * @param position where the name starts
     * @param value    member value
     */
    record Member(String name, Position position, LocatedNode value) {
    }

    /**
     * A JSON object, its members in source order and with distinct names.
     *
     * @param position where the opening brace is
     * @param members  members in source order
     */
    record JsonObject(Position position, List<Member> members) implements LocatedNode {

        /** Defensive copy. */
        public JsonObject {
            members = List.copyOf(members);
        }

        /** The member with this name, if present. */
        Optional<Member> member(String name) {
            return members.stream().filter(member -> member.name().equals(name)).findFirst();
        }

        /** The value of the member with this name, if present. */
        Optional<LocatedNode> get(String name) {
            return member(name).map(Member::value);
        }

        /** The string member with this name, which a schema made mandatory. */
        JsonString stringNode(String name) {
            return (JsonString) get(name).orElseThrow();
        }

        /** The value of the string member with this name, which a schema made mandatory. */
        String string(String name) {
            return stringNode(name).value();
        }

        /** The strings of the array member with this name, empty when it is absent. */
        List<JsonString> strings(String name) {
            return get(name).map(array -> ((JsonArray) array).items().stream().map(JsonString.class::cast).toList())
                .orElse(List.of());
        }

        /** The objects of the array member with this name, which a schema made mandatory. */
        List<JsonObject> objects(String name) {
            return ((JsonArray) get(name).orElseThrow()).items().stream().map(JsonObject.class::cast).toList();
        }

        @Override
        public String typeName() {
            return "objet";
        }
    }

    /**
     * A JSON array.
     *
     * @param position where the opening bracket is
     * @param items    items in source order
     */
    record JsonArray(Position position, List<LocatedNode> items) implements LocatedNode {

        /** Defensive copy. */
        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "tableau";
        }
    }

    /**
     * A JSON string.
     *
     * @param position where the opening quote is
     * @param offset   0-based character offset of the opening quote in the source text
     * @param value    decoded value
     */
    record JsonString(Position position, int offset, String value) implements LocatedNode {

        @Override
        public String typeName() {
            return "chaîne";
        }
    }

    /**
     * A JSON number, kept exact.
     *
     * @param position where the number starts
     * @param value    exact value
     */
    record JsonNumber(Position position, BigDecimal value) implements LocatedNode {

        /** Whether the value is a whole number, as JSON Schema's {@code integer} type means it. */
        boolean integral() {
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }

        @Override
        public String typeName() {
            return integral() ? "entier" : "nombre";
        }
    }

    /**
     * A JSON boolean.
     *
     * @param position where the literal starts
     * @param value    the value
     */
    record JsonBoolean(Position position, boolean value) implements LocatedNode {

        @Override
        public String typeName() {
            return "booléen";
        }
    }

    /**
     * The JSON {@code null} literal.
     *
     * @param position where the literal starts
     */
    record JsonNull(Position position) implements LocatedNode {

        @Override
        public String typeName() {
            return "null";
        }
    }
}
