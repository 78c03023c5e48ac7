package org.liasse.api.verification;

import java.util.List;

/**
 * What a change of the controls changed for one dossier, compared with its previous verification.
 *
 * @param siren        organisation
 * @param dossierId    dossier re-verified
 * @param newlyFailing controls that fail now and did not before (failed or could not be evaluated)
 * @param newlyPassing controls that failed before and no longer do (including controls that were withdrawn)
 */
public record ImpactLine(String siren, long dossierId, List<String> newlyFailing, List<String> newlyPassing) {

    /** Defensive copies. */
    public ImpactLine {
        newlyFailing = List.copyOf(newlyFailing);
        newlyPassing = List.copyOf(newlyPassing);
    }
}
