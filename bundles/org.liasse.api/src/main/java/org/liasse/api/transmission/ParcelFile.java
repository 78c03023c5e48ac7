package org.liasse.api.transmission;

/**
 * A file of a parcel.
 *
 * @param name      file name, e.g. {@code ER-2025-000000018.pdf}
 * @param mediaType media type
 * @param content   bytes
 */
public record ParcelFile(String name, String mediaType, byte[] content) {
}
