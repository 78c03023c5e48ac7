package org.liasse.signature;

import org.liasse.api.signature.Statement;

/**
 * Who signed and for which organisation, as a verification report shows them: « Prénom Nom (login) » and
 * « Nom de l'organisme (SIREN 000000018) ». The PDF carries them in its signature dictionary (/Name, /Location),
 * the data file in its JSON.
 *
 * @param signedBy     the signing user
 * @param organisation the organisation
 */
record Claims(String signedBy, String organisation) {

    /** The claims of a statement. */
    static Claims of(Statement statement) {
        return of(statement.signerLogin(), statement.signerName(), statement.siren(), statement.organisationName());
    }

    /** The claims from their parts. */
    static Claims of(String login, String name, String siren, String organisation) {
        return new Claims(name + " (" + login + ")", organisation + " (SIREN " + siren + ")");
    }
}
