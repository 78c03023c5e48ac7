package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a UTF-8 {@code messages_<locale>.properties} file with the syntax of {@link java.util.Properties},
 * reporting malformed escapes, empty keys and duplicate keys at their line and column.
 */
final class MessagesReader {

    private static final String WHITESPACE = " \t\f";
    private static final String SEPARATORS = "=:";
    private static final int UNICODE_DIGITS = 4;

    private final FileProblems problems;
    private final Map<String, String> messages = new LinkedHashMap<>();
    private final Map<String, Position> keys = new LinkedHashMap<>();

    private MessagesReader(FileProblems problems) {
        this.problems = problems;
    }

    /** Reads the messages of a properties file, reporting its problems. */
    static Map<String, String> read(byte[] content, FileProblems problems) {
        MessagesReader reader = new MessagesReader(problems);
        SourceText.decode(content, problems).ifPresent(reader::entries);
        return Map.copyOf(reader.messages);
    }

    private void entries(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int next = 0;
        while (next < lines.length) {
            LogicalLine line = new LogicalLine();
            next = line.collect(lines, next);
            if (!line.isBlankOrComment()) {
                entry(line);
            }
        }
    }

    private void entry(LogicalLine line) {
        String text = line.text.toString();
        int keyEnd = 0;
        while (keyEnd < text.length() && WHITESPACE.indexOf(text.charAt(keyEnd)) < 0
                && SEPARATORS.indexOf(text.charAt(keyEnd)) < 0) {
            keyEnd += text.charAt(keyEnd) == '\\' ? 2 : 1;
        }
        keyEnd = Math.min(keyEnd, text.length());
        int valueStart = skip(text, keyEnd, WHITESPACE);
        if (valueStart < text.length() && SEPARATORS.indexOf(text.charAt(valueStart)) >= 0) {
            valueStart = skip(text, valueStart + 1, WHITESPACE);
        }
        Optional<String> key = unescape(line, 0, keyEnd);
        Optional<String> value = unescape(line, valueStart, text.length());
        if (key.isEmpty() || value.isEmpty()) {
            return;
        }
        Position at = line.position(0);
        if (key.get().isEmpty()) {
            problems.add(at, "clé de message vide");
        } else if (keys.putIfAbsent(key.get(), at) != null) {
            Position first = keys.get(key.get());
            problems.add(at, "clé de message en double « " + key.get() + " » (déjà déclarée ligne "
                    + first.line() + ")");
        } else {
            messages.put(key.get(), value.get());
        }
    }

    private Optional<String> unescape(LogicalLine line, int start, int end) {
        String text = line.text.toString();
        StringBuilder out = new StringBuilder();
        int i = start;
        while (i < end) {
            char c = text.charAt(i++);
            if (c != '\\') {
                out.append(c);
            } else if (i < end && text.charAt(i) == 'u') {
                String digits = text.substring(i + 1, Math.min(i + 1 + UNICODE_DIGITS, end));
                if (!digits.matches("[0-9a-fA-F]{4}")) {
                    problems.add(line.position(i - 1), "séquence d'échappement \\u invalide : \\u" + digits);
                    return Optional.empty();
                }
                out.append((char) Integer.parseInt(digits, 16));
                i += 1 + UNICODE_DIGITS;
            } else if (i < end) {
                out.append(unescaped(text.charAt(i++)));
            }
        }
        return Optional.of(out.toString());
    }

    private static char unescaped(char c) {
        return switch (c) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'f' -> '\f';
            default -> c;
        };
    }

    private static int skip(String text, int from, String chars) {
        int i = from;
        while (i < text.length() && chars.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Natural lines joined by trailing backslashes, remembering where each piece came from. */
    private static final class LogicalLine {

        private final StringBuilder text = new StringBuilder();
        private final List<Piece> pieces = new ArrayList<>();

        /** Appends natural lines from {@code first}; returns the index of the next unread line. */
        int collect(String[] lines, int first) {
            int next = first;
            boolean continued = true;
            while (continued && next < lines.length) {
                String line = lines[next];
                int start = skip(line, 0, WHITESPACE);
                pieces.add(new Piece(next + 1, start + 1, text.length()));
                text.append(line, start, line.length());
                next++;
                continued = !isBlankOrComment() && endsWithOddBackslashes();
                if (continued) {
                    text.setLength(text.length() - 1);
                }
            }
            return next;
        }

        boolean isBlankOrComment() {
            return text.isEmpty() || text.charAt(0) == '#' || text.charAt(0) == '!';
        }

        /** The source position of a character of the joined text. */
        Position position(int index) {
            Piece piece = pieces.get(0);
            for (Piece candidate : pieces) {
                if (candidate.start() <= index) {
                    piece = candidate;
                }
            }
            return new Position(piece.line(), piece.column() + index - piece.start());
        }

        /** A natural line's contribution: its source line and column, and where it starts in the joined text. */
        private record Piece(int line, int column, int start) {
        }

        private boolean endsWithOddBackslashes() {
            int count = 0;
            for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
                count++;
            }
            return count % 2 == 1;
        }
    }
}
