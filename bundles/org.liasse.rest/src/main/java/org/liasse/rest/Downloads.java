package org.liasse.rest;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Headers of file downloads. */
final class Downloads {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Downloads() {
    }

    /**
     * {@code Content-Disposition: attachment} with the name twice (RFC 6266): an ASCII fallback in {@code filename}
     * (accents removed, quotes, backslashes, separators and control characters replaced by {@code _}) and the exact
     * UTF-8 name percent-encoded in {@code filename*} (RFC 8187). Nothing of the name can end the header or add a
     * parameter.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
