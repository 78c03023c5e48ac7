package org.liasse.api.dossier;

import java.util.Map;

/**
 * One organisation's filing of one questionnaire for one campaign, with its values.
 *
 * @param id                   identifier
 * @param siren                organisation
 * @param year                 campaign year
 * @param questionnaireCode    questionnaire code
 * @param questionnaireVersion questionnaire version the dossier was created under
 * @param revision             incremented at each save and transition; the REST layer exposes it as the ETag
 * @param step                 code of its current workflow step (see
 *                             {@link org.liasse.api.plugin.PluginRegistry#workflow}); empty for the first step
 * @param values               cell code to canonical text value (decimals in plain notation, dates ISO-8601)
 */
public record Dossier(long id, String siren, int year, String questionnaireCode, String questionnaireVersion,
                      long revision, String step, Map<String, String> values) {

    /** Defensive copy. */
    public Dossier {
        step = step == null ? "" : step;
        values = Map.copyOf(values);
    }
}
