package org.liasse.storage;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Sizes in bytes written for French readers: {@code 20 Mo}, {@code 1,5 Ko}, {@code 12 octets}. */
final class Sizes {

    private Sizes() {
    }

    static String french(long bytes) {
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        if (bytes >= 1024L * 1024 * 1024) {
            return format.format(bytes / (1024.0 * 1024 * 1024)) + " Go";
        }
        if (bytes >= 1024L * 1024) {
            return format.format(bytes / (1024.0 * 1024)) + " Mo";
        }
        if (bytes >= 1024) {
            return format.format(bytes / 1024.0) + " Ko";
        }
        return bytes + (bytes > 1 ? " octets" : " octet");
    }
}
