package org.liasse.storage;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;

/**
 * File names given by clients, made safe to keep and show: the last path segment only, NFC, no control or
 * formatting character (a right-to-left override could disguise {@code exe.pdf} as {@code fdp.exe}), none of the
 * characters Windows forbids, no leading or trailing dot or space, at most {@value #MAX_LENGTH} characters with the
 * extension kept. The name is never used as a path: files are stored under random keys.
 */
final class FileNames {

    /** Longest name kept, in characters. */
    static final int MAX_LENGTH = 200;

    private static final String FORBIDDEN = "<>:\"|?*";
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
        "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /** The safe form of a client's file name; 422 {@code nom-invalide} when nothing usable remains. */
    static String sanitise(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = Normalizer.normalize(name.substring(name.lastIndexOf('/') + 1), Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                return;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            } else if (FORBIDDEN.indexOf(c) >= 0) {
                clean.append('_');
            } else {
                clean.appendCodePoint(c);
            }
        });
        String result = strip(clean.toString().replaceAll(" {2,}", " "));
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            result = shorten(result);
        }
        int dot = result.lastIndexOf('.');
        String base = dot < 0 ? result : result.substring(0, dot);
        if (base.isBlank()) {
            throw LiasseException.invalid("nom-invalide", "Le nom du fichier est vide ou illisible : renommez le fichier, "
                + "par exemple « effectifs.xlsx », puis déposez-le à nouveau.",
                List.of(new FieldError("nom", "nom-invalide", "Donnez au fichier un nom avec son extension.")));
        }
        if (RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
            result = "_" + result;
        }
        return result;
    }

    /** The extension of a name, in lower case without the dot; empty when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cuts the base so that the whole name fits, keeping a short extension. */
    private static String shorten(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 || name.length() - dot > 16 ? "" : name.substring(dot);
        String base = name.substring(0, name.length() - extension.length());
        int keep = base.offsetByCodePoints(0, MAX_LENGTH - extension.length());
        return strip(base.substring(0, keep)) + extension;
    }
}
