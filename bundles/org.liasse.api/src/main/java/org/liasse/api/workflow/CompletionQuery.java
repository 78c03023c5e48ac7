package org.liasse.api.workflow;

/**
 * Which rows of a completion dashboard to return, and in which order. Every criterion is optional ({@code null}
 * or blank: no filter).
 *
 * @param federation    federation code of the organisations
 * @param type          organisation type (OPH, ESH…)
 * @param region        region code
 * @param department    département code
 * @param questionnaire questionnaire code
 * @param step          code of the current step, or {@link #NOT_INITIALISED} for organisations without a dossier
 * @param late          {@code true}: only late rows; {@code false}: only rows on time
 * @param sort          column to sort on ({@code organisation}, {@code siren}, {@code questionnaire}, {@code step},
 *                      {@code activity}, {@code control}, {@code deadline}, {@code late}), prefixed by {@code -} for
 *                      the descending order; SIREN then questionnaire by default
 */
public record CompletionQuery(String federation, String type, String region, String department, String questionnaire,
                              String step, Boolean late, String sort) {

    /** The step filter that selects organisations which have not initialised their dossier. */
    public static final String NOT_INITIALISED = "NON_INITIALISE";

    /** No filter, default order. */
    public static CompletionQuery all() {
        return new CompletionQuery(null, null, null, null, null, null, null, null);
    }

    /** The same query restricted to one federation. */
    public CompletionQuery inFederation(String code) {
        return new CompletionQuery(code, type, region, department, questionnaire, step, late, sort);
    }
}
