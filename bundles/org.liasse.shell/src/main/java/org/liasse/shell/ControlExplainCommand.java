package org.liasse.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlExplanation;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ExplainedExpression;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;

/**
 * {@code liasse:control-explain <dossier> <control>}: evaluates one control on one dossier (with its year N-1 and the
 * organisation's other questionnaires of the campaign) and prints the outcome, the message, the values involved and
 * the value of every sub-expression. An unknown dossier or control makes the command fail.
 */
@Command(scope = "liasse", name = "control-explain",
    description = "Évalue un contrôle sur un dossier et affiche la valeur de chaque sous-expression.")
@Service
public class ControlExplainCommand implements Action {

    @Reference
    DossierService dossiers;

    @Reference
    ControlEngine controls;

    @Argument(index = 0, name = "dossier", description = "Identifiant du dossier", required = true)
    long dossierId;

    @Argument(index = 1, name = "contrôle", description = "Code du contrôle, par exemple ER_BILAN_EQUILIBRE", required = true)
    String controlCode;

    @Override
    public Object execute() {
        Dossier dossier = dossiers.find(dossierId)
            .orElseThrow(() -> new IllegalArgumentException("Aucun dossier " + dossierId + "."));
        ControlExplanation explanation = controls.explain(dossier.questionnaireCode(), dossier.questionnaireVersion(),
                controlCode, ControlData.load(dossiers, dossier))
            .orElseThrow(() -> new IllegalArgumentException("Aucun contrôle actif « " + controlCode + " » pour le "
                + "questionnaire " + dossier.questionnaireCode() + " " + dossier.questionnaireVersion() + "."));
        ControlOutcome outcome = explanation.outcome();
        System.out.println("Dossier " + dossier.id() + " (" + dossier.siren() + ", " + dossier.year() + ", "
            + dossier.questionnaireCode() + " " + dossier.questionnaireVersion() + ")");
        System.out.println("Contrôle " + outcome.code() + " [" + outcome.severity().name().toLowerCase() + ", "
            + outcome.ruleVersion() + "] : " + status(outcome));
        if (!outcome.message().isEmpty()) {
            System.out.println("Message : " + outcome.message());
        }
        for (Map.Entry<String, String> value : outcome.values().entrySet()) {
            System.out.println("  " + value.getKey() + " = " + value.getValue());
        }
        System.out.println("Détail :");
        print(explanation.expression(), "", "");
        return null;
    }

    private static String status(ControlOutcome outcome) {
        return switch (outcome.status()) {
            case PASSED -> "réussi";
            case FAILED -> "échoué";
            case NOT_APPLICABLE -> "non applicable";
            case RUNTIME_ERROR -> "erreur d'exécution";
        };
    }

    /** The tree, one sub-expression a line, with its value. */
    private static void print(ExplainedExpression expression, String prefix, String childPrefix) {
        System.out.println("  " + prefix + expression.text() + "  →  " + expression.value());
        for (int i = 0; i < expression.parts().size(); i++) {
            boolean last = i == expression.parts().size() - 1;
            print(expression.parts().get(i), childPrefix + (last ? "└── " : "├── "), childPrefix + (last ? "    " : "│   "));
        }
    }
}
