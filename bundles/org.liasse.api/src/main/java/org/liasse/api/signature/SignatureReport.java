package org.liasse.api.signature;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on an uploaded signed file.
 *
 * @param valid              whether every check passed
 * @param format             {@code PAdES} (signed PDF) or {@code CAdES} (signed data file), {@code null} when the
 *                           file is neither
 * @param signer             subject of the signing certificate, {@code null} when unknown
 * @param signedBy           who signed, as the signed statement names them (login and name), {@code null} if absent
 * @param organisation       organisation named in the signed statement (SIREN and name), {@code null} if absent
 * @param signingTime        signing time claimed in the signature, {@code null} if absent
 * @param timestampAt        time certified by the timestamp authority, {@code null} without a valid timestamp
 * @param timestampAuthority subject of the timestamp authority's certificate, {@code null} without a timestamp
 * @param problems           why the file is not valid, in French (empty when valid)
 */
public record SignatureReport(boolean valid, String format, String signer, String signedBy, String organisation,
                              Instant signingTime, Instant timestampAt, String timestampAuthority,
                              List<String> problems) {

    /** Defensive copy. */
    public SignatureReport {
        problems = List.copyOf(problems);
    }
}
