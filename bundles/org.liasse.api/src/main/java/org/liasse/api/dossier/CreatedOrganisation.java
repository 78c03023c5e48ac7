package org.liasse.api.dossier;

import org.liasse.api.identity.CreatedAccount;

/**
 * A new organisation with its administrator account {@code AD_<SIREN>}.
 *
 * @param organisation  the organisation
 * @param administrator its administrator, to be activated with the code sent by email (or shown in demo mode)
 */
public record CreatedOrganisation(Organisation organisation, CreatedAccount administrator) {
}
