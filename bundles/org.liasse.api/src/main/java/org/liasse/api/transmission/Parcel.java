package org.liasse.api.transmission;

import java.util.List;

/**
 * What one recipient receives for one transmitted dossier.
 *
 * @param idempotencyKey   the same for every attempt and re-delivery of this parcel to this recipient
 * @param recipientCode    recipient code
 * @param siren            SIREN of the organisation that transmits
 * @param organisationName its name
 * @param year             campaign year
 * @param questionnaire    questionnaire code
 * @param files            the signed statement (PDF) and signed data file
 */
public record Parcel(String idempotencyKey, String recipientCode, String siren, String organisationName, int year,
                     String questionnaire, List<ParcelFile> files) {

    /** Defensive copy. */
    public Parcel {
        files = List.copyOf(files);
    }
}
