package org.liasse.api.dossier;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Stores organisations. */
@ProviderType
public interface OrganisationService {

    /** All organisations, by SIREN. */
    List<Organisation> list();

    /** One organisation. */
    Optional<Organisation> find(String siren);

    /** Creates an organisation; refuses an invalid or duplicate SIREN. */
    Organisation create(Organisation organisation);
}
