package org.liasse.api.signature;

import java.time.Instant;

/**
 * A statement once signed.
 *
 * @param pdf         the statement as a PDF for people, with an embedded PAdES signature
 * @param data        the data file (JSON) wrapped in a CAdES signature (CMS SignedData with the content attached,
 *                    {@code .p7m})
 * @param dataDigest  hex SHA-256 of the JSON data file inside {@link #data}
 * @param signer      subject of the signing certificate
 * @param timestampAt time given by the timestamp authority (RFC 3161) to both signatures
 * @param level       signature level, e.g. {@code PAdES-B-T / CAdES-B-T}
 */
public record SignedStatement(byte[] pdf, byte[] data, String dataDigest, String signer, Instant timestampAt,
                              String level) {
}
