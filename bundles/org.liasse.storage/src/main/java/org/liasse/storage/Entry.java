package org.liasse.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.error.FieldError;

/**
 * Changes typed by a user, checked against the questionnaire: unknown cells, computed cells, format controls and
 * required cells being cleared give one error per cell; the others are parsed into stored values
 * ({@code null} clears a cell).
 *
 * @param values parsed values by cell code, in the order received
 * @param errors one error per refused cell
 */
record Entry(Map<String, CellValue> values, List<FieldError> errors) {

    static Entry parse(Map<String, CellDefinition> cells, Map<String, String> changes) {
        Map<String, CellValue> parsed = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String code = change.getKey();
            CellDefinition cell = cells.get(code);
            String raw = change.getValue();
            if (cell == null) {
                errors.add(new FieldError(code, "cellule-inconnue", "La cellule « " + code
                    + " » n'existe pas dans ce questionnaire."));
            } else if (cell.computed()) {
                errors.add(new FieldError(code, "cellule-calculee", "Cette cellule est calculée ("
                    + cell.formula().source() + ") : elle ne se saisit pas."));
            } else if (raw == null || raw.isBlank()) {
                if (cell.column().required()) {
                    errors.add(new FieldError(code, "valeur-obligatoire", "Cette cellule est obligatoire : "
                        + "elle ne peut pas être vidée."));
                } else {
                    parsed.put(code, null);
                }
            } else {
                CellFormat.Parsed result = CellFormat.parse(code, cell.column(), raw);
                if (result.error() != null) {
                    errors.add(result.error());
                } else {
                    parsed.put(code, result.value());
                }
            }
        }
        return new Entry(parsed, List.copyOf(errors));
    }
}
