package org.liasse.api.dossier;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.liasse.api.error.FieldError;
import org.osgi.annotation.versioning.ProviderType;

/** Creates dossiers, saves their values atomically and keeps the history of every cell. */
@ProviderType
public interface DossierService {

    /**
     * Creates (initialises) the dossier of an organisation for a campaign, under the questionnaire version the
     * campaign names or else the highest active version for its year, prefilled with the values of the columns the
     * plugin marks {@code carryOver} in the organisation's dossier of the previous campaign (recorded in the history).
     * Refuses a duplicate, an unknown organisation or campaign, a campaign that is not open, or a questionnaire the
     * campaign does not collect.
     */
    Dossier create(String siren, int year, String questionnaireCode);

    /** The SIREN of the organisation a dossier belongs to. */
    Optional<String> owner(long id);

    /** One dossier with all its values, loaded in one query. */
    Optional<Dossier> find(long id);

    /** The dossier of an organisation for a campaign and questionnaire, with all its values. */
    Optional<Dossier> find(String siren, int year, String questionnaireCode);

    /** Dossiers of an organisation, without their values. */
    List<Dossier> listForOrganisation(String siren);

    /**
     * Every dossier of a campaign for a questionnaire with all its values, read in one scan and handed over one by
     * one in order of id (controls and reports run over a whole campaign this way).
     */
    void scan(int year, String questionnaireCode, Consumer<Dossier> sink);

    /**
     * Checks changes without saving anything: unknown cells, computed cells, format controls, required cells
     * cleared. Returns one error per refused cell, empty when the changes could be saved.
     */
    List<FieldError> check(long id, Map<String, String> changes);

    /**
     * Saves changed cells as one atomic change, recomputes computed cells and records each change in the history.
     * A {@code null} or empty value clears the cell. Refuses the whole change (nothing stored) when the revision is
     * stale (412, with the property {@code changes}: the {@link CellChange}s saved since), when the questionnaire
     * version is no longer active (409), or when any cell is refused by {@link #check} (422, one error per cell).
     *
     * @param expectedRevision the revision the client last read (its ETag)
     * @param actor            login of who saves
     * @return the dossier after the save, with its new revision
     */
    Dossier save(long id, long expectedRevision, Map<String, String> changes, String actor);

    /** The history of one cell, newest first. */
    List<CellChange> history(long id, String cell);

    /** Every cell change saved after a revision, oldest first. */
    List<CellChange> changesSince(long id, long revision);
}
