package org.liasse.api.dossier;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Stores organisations; creating one also creates its administrator account {@code AD_<SIREN>}. */
@ProviderType
public interface OrganisationService {

    /** Organisations of a federation ({@code null}: all), by SIREN. */
    List<Organisation> list(String federation);

    /** One organisation. */
    Optional<Organisation> find(String siren);

    /**
     * Creates an organisation and its administrator; refuses an invalid or duplicate SIREN, an unknown type or
     * federation. The activation code goes to {@code administratorEmail}.
     */
    CreatedOrganisation create(Organisation organisation, String administratorEmail, String actor);

    /**
     * Updates name, type, federation, territory and active flag; the SIREN never changes. Refuses with 412
     * {@code revision-perimee} when the organisation is no longer at {@code expectedRevision}.
     */
    Organisation update(Organisation organisation, long expectedRevision, String actor);

    /**
     * Imports a {@code ;}-separated UTF-8 list with the header {@code siren;nom;type;federation;region;departement}.
     * A federation operator passes its federation: a line of another federation, or the SIREN of an existing
     * organisation of another federation (which would move it into the caller's), is an error.
     * Checks every line first; applies all of it in one transaction only when {@code apply} is set and no line has
     * an error (the report then says {@code applied}). New organisations get their administrator account, without
     * email address: an operator then issues its activation code with
     * {@link org.liasse.api.identity.AccountService#issueActivation}.
     */
    ImportReport importCsv(String csv, boolean apply, String federation, String actor);
}
