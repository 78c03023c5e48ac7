package org.liasse.exchange;

import java.util.Arrays;

/** Where each line of a text starts, to turn positions into line numbers and back without rescanning the text. */
final class TextLines {

    private TextLines() {
    }

    /**
     * The offset at which each line starts; the first line starts at 0. A line ends with LF, CR LF or a lone CR, as
     * the CSV and XML parsers end them.
     */
    static int[] starts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The first line, without its end. */
    static String first(String text) {
        int[] starts = starts(text);
        if (starts.length == 1) {
            return text;
        }
        int end = starts[1] - 1;
        return text.substring(0, end > 0 && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r' ? end - 1 : end);
    }

    /** The line number (from 1) holding a position. */
    static int lineOf(int[] starts, long position) {
        int found = Arrays.binarySearch(starts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }
}
