package org.liasse.extender.definition;

import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * A parsed JSON document and the text it was parsed from.
 *
 * @param root   the root value
 * @param source the source text, to locate characters inside string values
 */
record JsonTree(LocatedNode root, String source) {

    /**
     * The position of a character of a string value, counting escape sequences as written in the source.
     *
     * @param node  a string of this tree
     * @param index index of the character in the decoded value
     */
    Position positionInString(JsonString node, int index) {
        int quote = node.offset();
        int raw = quote + 1;
        for (int decoded = 0; decoded < index; decoded++) {
            raw += escapeLength(raw);
        }
        return new Position(node.position().line(), node.position().column() + raw - quote);
    }

    /** Length in the source of the character starting at {@code raw}. */
    private int escapeLength(int raw) {
        if (source.charAt(raw) != '\\') {
            return 1;
        }
        return source.charAt(raw + 1) == 'u' ? 6 : 2;
    }
}
