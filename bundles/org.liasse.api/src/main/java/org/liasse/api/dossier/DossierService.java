package org.liasse.api.dossier;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Creates dossiers and saves their values atomically. */
@ProviderType
public interface DossierService {

    /**
     * Creates the dossier of an organisation for a campaign under the questionnaire version that applies to
     * the campaign year. Refuses a duplicate, an unknown organisation or campaign, or a campaign that is not open.
     */
    Dossier create(String siren, int year, String questionnaireCode);

    /** The SIREN of the organisation a dossier belongs to. */
    Optional<String> owner(long id);

    /** One dossier with all its values, loaded in one query. */
    Optional<Dossier> find(long id);

    /** Dossiers of an organisation. */
    List<Dossier> listForOrganisation(String siren);

    /**
     * Saves changed cells as one atomic change. A {@code null} or empty value clears the cell.
     * Refuses the whole change (nothing stored) when the revision is stale (409), when the questionnaire
     * version is no longer active (409), or when any cell is unknown or badly formatted (422, one error per cell).
     *
     * @param expectedRevision the revision the client last read (its ETag)
     * @return the dossier after the save, with its new revision
     */
    Dossier save(long id, long expectedRevision, Map<String, String> changes);
}
