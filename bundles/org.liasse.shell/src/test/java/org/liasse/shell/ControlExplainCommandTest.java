package org.liasse.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liasse.api.control.AggregateInfo;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlExplanation;
import org.liasse.api.control.ControlInfo;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.control.ExplainedExpression;
import org.liasse.api.definition.Severity;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;

/** What the operator sees, and which data the control is explained on. */
class ControlExplainCommandTest {

    private static final Dossier DOSSIER = new Dossier(7, "000000018", 2025, "ER", "2025.1", 3, "",
        Map.of("BILAN.TOTAL_ACTIF.MONTANT", "10.00"));
    private static final Dossier PREVIOUS = new Dossier(5, "000000018", 2024, "ER", "2024.1", 9, "",
        Map.of("BILAN.TOTAL_ACTIF.MONTANT", "8.00"));
    private static final Dossier QDIS = new Dossier(8, "000000018", 2025, "QDIS", "2025.1", 1, "",
        Map.of("CR.LOYERS.MONTANT", "4.00"));

    @RegisterExtension
    final Console console = new Console();
    private final Map<String, ControlData> seen = new LinkedHashMap<>();

    @Test
    void printsTheOutcomeTheValuesAndEverySubExpression() {
        assertNull(command(7, "ER_BILAN").execute());

        assertEquals("""
            Dossier 7 (000000018, 2025, ER 2025.1)
            Contrôle ER_BILAN [error, org.liasse.ministry.er 1.0.0] : échoué
            Message : Actif 10 ≠ passif 9.
              BILAN.TOTAL_ACTIF.MONTANT = 10
              left = 10
            Détail :
              A = B  →  faux
              ├── A  →  10
              └── B + C  →  9
                  ├── B  →  4
                  └── C  →  5
            """, console.printed());
        ControlData data = seen.get("ER_BILAN");
        assertEquals("8.00", data.previous().get("BILAN.TOTAL_ACTIF.MONTANT"));
        assertEquals(Map.of("QDIS", QDIS.values()), data.others());
    }

    @Test
    void anUnknownDossierOrControlFails() {
        assertEquals("Aucun dossier 99.", assertThrows(IllegalArgumentException.class,
            () -> command(99, "ER_BILAN").execute()).getMessage());
        assertEquals("Aucun contrôle actif « INCONNU » pour le questionnaire ER 2025.1.",
            assertThrows(IllegalArgumentException.class, () -> command(7, "INCONNU").execute()).getMessage());
    }

    private ControlExplainCommand command(long dossier, String control) {
        ControlExplainCommand command = new ControlExplainCommand();
        command.dossiers = dossiers();
        command.controls = (code, version) -> Optional.of(plan());
        command.dossierId = dossier;
        command.controlCode = control;
        return command;
    }

    private static DossierService dossiers() {
        return (DossierService) Proxy.newProxyInstance(DossierService.class.getClassLoader(),
            new Class<?>[] {DossierService.class}, (proxy, method, args) -> switch (method.getName()) {
                case "find" -> args.length == 1 ? Optional.ofNullable(Map.of(7L, DOSSIER, 8L, QDIS).get((Long) args[0]))
                    : Optional.of(PREVIOUS).filter(d -> d.year() == (Integer) args[1]);
                case "listForOrganisation" -> List.of(DOSSIER, PREVIOUS, QDIS);
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private ControlPlan plan() {
        return new ControlPlan() {
            @Override
            public String questionnaireCode() {
                return "ER";
            }

            @Override
            public String questionnaireVersion() {
                return "2025.1";
            }

            @Override
            public List<ControlInfo> controls() {
                return List.of();
            }

            @Override
            public List<AggregateInfo> aggregates() {
                return List.of();
            }

            @Override
            public String fingerprint() {
                return "";
            }

            @Override
            public boolean readsPrevious() {
                return true;
            }

            @Override
            public Set<String> questionnairesRead() {
                return Set.of("QDIS");
            }

            @Override
            public ControlReport evaluate(ControlData data) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ControlExplanation> explain(String code, ControlData data) {
                if (!code.equals("ER_BILAN")) {
                    return Optional.empty();
                }
                seen.put(code, data);
                Map<String, String> values = new LinkedHashMap<>();
                values.put("BILAN.TOTAL_ACTIF.MONTANT", "10");
                values.put("left", "10");
                ExplainedExpression sum = new ExplainedExpression("B + C", "9", List.of(
                    new ExplainedExpression("B", "4", List.of()), new ExplainedExpression("C", "5", List.of())));
                return Optional.of(new ControlExplanation(new ControlOutcome("ER_BILAN", Severity.ERROR,
                    ControlStatus.FAILED, "Actif 10 ≠ passif 9.", values, List.of("BILAN.TOTAL_ACTIF.MONTANT"),
                    "org.liasse.ministry.er 1.0.0"), new ExplainedExpression("A = B", "faux", List.of(
                        new ExplainedExpression("A", "10", List.of()), sum))));
            }
        };
    }
}
