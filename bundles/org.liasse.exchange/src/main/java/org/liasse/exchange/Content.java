package org.liasse.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bytes of an uploaded file, read up to a size limit, and what they really are: the content must match the
 * format announced, whatever the file name says.
 */
final class Content {

    /** Largest file accepted. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Content() {
    }

    /** The whole content, or empty when it is larger than {@link #MAX_BYTES}. */
    static Optional<byte[]> read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        return bytes.length > MAX_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    /** Whether the content is a zip archive (an XLSX workbook is one). */
    static boolean zip(byte[] bytes) {
        return bytes.length >= ZIP.length && Arrays.equals(bytes, 0, ZIP.length, ZIP, 0, ZIP.length);
    }

    /** The content as UTF-8 text without byte order mark, or empty when it is not text (binary, or not UTF-8). */
    static Optional<String> text(byte[] bytes) {
        int start = bytes.length >= BOM.length && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length) ? BOM.length : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A French description of what binary content seems to be, for messages. */
    static String describe(byte[] bytes) {
        if (zip(bytes)) {
            return "une archive ZIP (par exemple un classeur XLSX)";
        }
        if (bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            return "un document PDF";
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
            return "un ancien classeur Excel (XLS)";
        }
        if (text(bytes).isPresent()) {
            return "du texte";
        }
        for (byte b : bytes) {
            if (b == 0) {
                return "un fichier binaire";
            }
        }
        return "du texte dans un autre encodage qu'UTF-8 (enregistrez-le en UTF-8)";
    }
}
