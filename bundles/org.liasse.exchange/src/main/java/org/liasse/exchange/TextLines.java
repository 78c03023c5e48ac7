package org.liasse.exchange;

import java.util.Arrays;

/** Where each line of a text starts, to turn positions into line numbers and back without rescanning the text. */
final class TextLines {

    private TextLines() {
    }

    /** The offset at which each line starts; the first line starts at 0. */
    static int[] starts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The line number (from 1) holding a position. */
    static int lineOf(int[] starts, long position) {
        int found = Arrays.binarySearch(starts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }
}
