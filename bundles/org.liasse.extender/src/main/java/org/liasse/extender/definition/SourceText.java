package org.liasse.extender.definition;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding of definition files. */
final class SourceText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SourceText() {
    }

    /**
     * Decodes a file as UTF-8, without its byte order mark.
     * Reports a problem at the first malformed byte and returns empty when the content is not UTF-8.
     */
    static Optional<String> decode(byte[] content, FileProblems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(content), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        String text = out.flip().toString();
        if (result.isError()) {
            problems.add(endOf(text), "encodage invalide : le fichier doit être en UTF-8");
            return Optional.empty();
        }
        return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
    }

    /** The position just after the last character of a text. */
    private static Position endOf(String text) {
        int lineStart = text.lastIndexOf('\n') + 1;
        int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return new Position(line, text.length() - lineStart + 1);
    }
}
