package org.liasse.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.Severity;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;

/**
 * The controls of severity {@code format}, run at each save on the dossier's values after the change: one failing
 * refuses the whole save (422) with one error per highlighted cell. They read the dossier alone: a rule on year N-1 or
 * on another questionnaire does not apply at save.
 */
final class FormatControls {

    private FormatControls() {
    }

    /** Refuses values that a format control of the questionnaire version rejects. */
    static void require(ControlEngine engine, String code, String version, Map<String, String> values) {
        List<FieldError> errors = errors(engine, code, version, values);
        if (!errors.isEmpty()) {
            throw LiasseException.invalid("controle-format", errors.size() == 1
                ? "Une cellule ne respecte pas un contrôle de format : rien n'a été enregistré."
                : errors.size() + " cellules ne respectent pas les contrôles de format : rien n'a été enregistré.", errors);
        }
    }

    /** One error per cell that a failing format control highlights; empty when the values pass them all. */
    static List<FieldError> errors(ControlEngine engine, String code, String version, Map<String, String> values) {
        ControlPlan plan = engine.plan(code, version).orElse(null);
        if (plan == null || plan.controls().stream().noneMatch(control -> control.severity() == Severity.FORMAT)) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        for (ControlOutcome outcome : plan.evaluate(ControlData.of(values)).outcomes()) {
            if (outcome.severity() == Severity.FORMAT && outcome.status() == ControlStatus.FAILED) {
                for (String cell : outcome.cells().isEmpty() ? List.of("") : outcome.cells()) {
                    errors.add(new FieldError(cell, outcome.code(), outcome.message()));
                }
            }
        }
        return errors;
    }
}
