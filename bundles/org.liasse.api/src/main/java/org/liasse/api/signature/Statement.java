package org.liasse.api.signature;

import java.time.Instant;
import java.util.List;

/**
 * What a signed statement says: the PDF shows it, the data file holds it (schema in {@code docs/signature.md}).
 *
 * @param dossierId            dossier
 * @param revision             dossier revision whose values are signed
 * @param siren                organisation SIREN
 * @param organisationName     organisation name
 * @param year                 campaign year
 * @param questionnaireCode    questionnaire code, e.g. {@code ER}
 * @param questionnaireLabel   questionnaire French label
 * @param questionnaireVersion questionnaire version the values follow
 * @param signerLogin          login of the user who signs
 * @param signerName           full name of the user who signs
 * @param signedAt             when the user signed
 * @param sections             the fiches, in order
 */
public record Statement(long dossierId, long revision, String siren, String organisationName, int year,
                        String questionnaireCode, String questionnaireLabel, String questionnaireVersion,
                        String signerLogin, String signerName, Instant signedAt, List<StatementSection> sections) {

    /** Defensive copy. */
    public Statement {
        sections = List.copyOf(sections);
    }
}
