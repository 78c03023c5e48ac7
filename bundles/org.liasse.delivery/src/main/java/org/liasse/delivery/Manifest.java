package org.liasse.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.liasse.api.transmission.Parcel;
import org.liasse.api.transmission.ParcelFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What every channel says about a parcel: its JSON manifest (key, recipient, organisation, campaign, and each file
 * with its size and SHA-256), the safe names of its files and folder, and the figures of receipts.
 */
final class Manifest {

    /** Name of the manifest in a drop folder, written last as the completion marker. */
    static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_NAME = 100;

    private Manifest() {
    }

    /** The manifest, always the same bytes for the same parcel. */
    static byte[] of(Parcel parcel) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (ParcelFile file : parcel.files()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", safeName(file.name()));
            entry.put("mediaType", file.mediaType());
            entry.put("size", file.content().length);
            entry.put("sha256", sha256(file.content()));
            files.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("key", parcel.idempotencyKey());
        manifest.put("recipient", parcel.recipientCode());
        manifest.put("siren", parcel.siren());
        manifest.put("organisation", parcel.organisationName());
        manifest.put("year", parcel.year());
        manifest.put("questionnaire", parcel.questionnaire());
        manifest.put("files", files);
        try {
            return JSON.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-case hexadecimal SHA-256. */
    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    /** Lower-case hexadecimal SHA-256 of a stream, read to its end and closed. */
    static String sha256(InputStream content) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(content, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A name that is safe as a file name anywhere: letters, digits, dot, dash and underscore, not starting with a
     * dot, at most 100 characters. A name that had to be changed gets a short hash of the original, so that two
     * different names never end up the same.
     */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.+", "");
        if (safe.equals(name) && !safe.isEmpty() && safe.length() <= MAX_NAME) {
            return safe;
        }
        String hash = sha256(name.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return safe.substring(0, Math.min(safe.length(), MAX_NAME - 9)) + "-" + hash;
    }

    /** The name of the parcel's folder in a drop directory. */
    static String folderName(Parcel parcel) {
        return safeName(parcel.idempotencyKey());
    }

    /** « 2 fichiers, 48 213 octets ». */
    static String summary(Parcel parcel) {
        long size = parcel.files().stream().mapToLong(file -> file.content().length).sum();
        int count = parcel.files().size();
        return String.format(Locale.FRANCE, "%d fichier%s, %,d octet%s", count, count > 1 ? "s" : "", size,
            size > 1 ? "s" : "");
    }
}
