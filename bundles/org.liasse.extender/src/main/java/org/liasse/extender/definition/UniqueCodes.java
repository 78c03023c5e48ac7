package org.liasse.extender.definition;

import java.util.HashMap;
import java.util.Map;
import org.liasse.api.definition.SourceLocation;

/** Remembers where each code was first declared, to report the codes declared twice. */
final class UniqueCodes {

    private final Map<String, SourceLocation> first = new HashMap<>();

    /**
     * Records a code; when it was already declared, reports {@code message} completed with the first declaration.
     *
     * @return whether the code was new
     */
    boolean claim(String code, SourceLocation at, FileProblems problems, String message) {
        SourceLocation previous = first.putIfAbsent(code, at);
        if (previous == null) {
            return true;
        }
        problems.add(at, message + " (déjà déclaré " + where(previous, at) + ")");
        return false;
    }

    private static String where(SourceLocation previous, SourceLocation current) {
        if (previous.file().equals(current.file())) {
            return "ligne " + previous.line() + ", colonne " + previous.column();
        }
        return "dans " + previous;
    }
}
