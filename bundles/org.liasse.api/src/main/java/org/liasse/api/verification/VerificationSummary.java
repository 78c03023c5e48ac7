package org.liasse.api.verification;

import java.time.Instant;

/**
 * One verification run of a dossier without its outcomes, for the history of runs.
 *
 * @param id                   identifier
 * @param dossierRevision      revision of the dossier that was verified
 * @param at                   when
 * @param actor                login of who launched it, or {@link Verification#CONTROL_UPDATE}
 * @param trigger              the plugin change behind a re-verification, {@code null} for a user's run
 * @param questionnaireVersion questionnaire version of the rules
 * @param passed               controls passed
 * @param failed               controls failed
 * @param notApplicable        controls that did not apply
 * @param errors               controls that could not be evaluated
 */
public record VerificationSummary(long id, long dossierRevision, Instant at, String actor, String trigger,
                                  String questionnaireVersion, int passed, int failed, int notApplicable, int errors) {
}
