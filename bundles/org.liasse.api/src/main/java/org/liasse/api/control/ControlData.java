package org.liasse.api.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;

/**
 * What controls read for one dossier. Values are canonical texts, as in {@link Dossier#values()}: decimals in plain
 * notation with a point, dates {@code AAAA-MM-JJ}, booleans {@code true} / {@code false}; an absent or empty value
 * is an empty cell.
 *
 * @param values   the dossier's values, computed cells included, by cell code
 * @param previous the values of the same organisation's dossier of year N-1 (read by {@code prev(…)}), empty when
 *                 there is none
 * @param others   the values of the organisation's dossiers of other questionnaires of the same campaign, by
 *                 questionnaire code (read by {@code QUESTIONNAIRE:FICHE.ROW.COLUMN})
 */
public record ControlData(Map<String, String> values, Map<String, String> previous,
                          Map<String, Map<String, String>> others) {

    /** Null-safe defensive copies. */
    public ControlData {
        values = values == null ? Map.of() : Map.copyOf(values);
        previous = previous == null ? Map.of() : Map.copyOf(previous);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        if (others != null) {
            others.forEach((code, cells) -> copy.put(code, Map.copyOf(cells)));
        }
        others = Map.copyOf(copy);
    }

    /** Values of one dossier alone, without year N-1 nor other questionnaires. */
    public static ControlData of(Map<String, String> values) {
        return new ControlData(values, Map.of(), Map.of());
    }

    /**
     * The data of a stored dossier.
     *
     * @param dossier  the dossier to check
     * @param previous the same organisation's dossier of the same questionnaire for year N-1, or {@code null}
     * @param others   the organisation's dossiers of other questionnaires in the same campaign (the dossier itself
     *                 and dossiers of its own questionnaire are ignored)
     */
    public static ControlData of(Dossier dossier, Dossier previous, Collection<Dossier> others) {
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        if (others != null) {
            for (Dossier other : others) {
                if (!other.questionnaireCode().equals(dossier.questionnaireCode())) {
                    byCode.put(other.questionnaireCode(), other.values());
                }
            }
        }
        return new ControlData(dossier.values(), previous == null ? Map.of() : previous.values(), byCode);
    }

    /**
     * The data of a stored dossier, read through the dossier service: the same organisation's dossier of the same
     * questionnaire for year N-1, and its dossiers of other questionnaires in the same campaign. For one dossier at a
     * time (an explanation, a single verification); a campaign-wide run reads all values in one scan instead.
     */
    public static ControlData load(DossierService dossiers, Dossier dossier) {
        Dossier previous = dossiers.find(dossier.siren(), dossier.year() - 1, dossier.questionnaireCode()).orElse(null);
        List<Dossier> others = new ArrayList<>();
        for (Dossier other : dossiers.listForOrganisation(dossier.siren())) {
            if (other.year() == dossier.year() && !other.questionnaireCode().equals(dossier.questionnaireCode())) {
                dossiers.find(other.id()).ifPresent(others::add);
            }
        }
        return of(dossier, previous, others);
    }
}
