package org.liasse.extender.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liasse.extender.definition.RulePlugin.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlStatus;
import org.liasse.extender.definition.RulePlugin;

/**
 * The rules compiled to bytecode decide exactly as the closures: random rules of every construct of the language
 * (arithmetic, functions, conditions, {@code prev}, aggregates, texts, tolerances) on random dossiers with empty,
 * zero, huge, over-precise and unreadable values, compared rule by rule with the closures' result.
 */
class ProgramTest {

    private static final String[] NUMBERS = {"F.R1.M", "F.R2.M", "F.R3.M", "F.TOTAL.M", "F.R1.N", "F.R2.N", "F.R1.P",
        "F.R1.D", "prev(F.R1.M)", "prev(F.R2.N)", "aggregate(MARGE)"};
    private static final String[] CELLS = {"F.R1.M", "F.R2.M", "F.R3.M", "F.TOTAL.M", "F.R1.N", "F.R2.N", "F.R1.P",
        "F.R1.D"};
    private static final String[] RELATIONS = {"=", "<>", "<", "<=", ">", ">="};

    private final Random random = new Random(11);

    @Test
    void bytecodeDecidesAsTheClosures() {
        int count = 400;
        List<String> rules = new ArrayList<>();
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String rule = condition(3);
            rules.add(rule);
            controls.append(i == 0 ? "" : ",").append(control("C" + i, rule, "m"));
        }
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(controls.toString(),
            "{\"code\": \"MARGE\", \"questionnaire\": \"T\", \"label\": \"Marge\", \"expression\": \"F.R1.M - F.R2.M * 2\"}"));
        int compiled = plan.compiledRules();
        assertTrue(compiled > count / 2, compiled + " rules of " + count + " compiled to bytecode");
        int[] statuses = new int[count];
        int[] seen = new int[4];
        for (int round = 0; round < 300; round++) {
            Map<String, String> values = dossier();
            Map<String, String> previous = dossier();
            ControlData data = new ControlData(values, previous, Map.of());
            Frame frame = plan.prepare(data);
            plan.statuses(frame, statuses);
            for (int i = 0; i < count; i++) {
                ControlStatus expected = plan.explain("C" + i, data).orElseThrow().outcome().status();
                assertEquals(expected, status(statuses[i]), rules.get(i) + " on " + values + ", N-1 " + previous);
                seen[expected.ordinal()]++;
            }
        }
        for (ControlStatus status : ControlStatus.values()) {
            assertTrue(seen[status.ordinal()] > 0, "no rule ended " + status);
        }
    }

    @Test
    void strictRelationsWithFractionalCoefficientsStayExact() {
        List<String> rules = List.of("F.R1.M * 0.5 < F.R2.M", "F.R1.M * 0.5 > F.R2.M", "F.R1.M * 0.5 <= F.R2.M",
            "F.R1.M * 0.5 >= F.R2.M", "F.R1.M * 0.5 = F.R2.M", "F.R1.M * 0.5 <> F.R2.M", "abs(F.R1.M * 0.5) < 0.000001",
            "abs(F.R1.M * 0.5) > 0", "F.R1.M * 0.5 < F.R2.M tolerance 0.000001");
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            controls.append(i == 0 ? "" : ",").append(control("C" + i, rules.get(i), "m"));
        }
        CompiledPlan plan = RulePlugin.plan(RulePlugin.files(controls.toString(), ""));
        assertEquals(rules.size(), plan.compiledRules());
        int[] statuses = new int[rules.size()];
        for (String first : List.of("-0.000001", "0.000001", "0.000003", "0")) {
            for (String second : List.of("0", "-0.000001", "0.000001")) {
                ControlData data = ControlData.of(Map.of("F.R1.M", first, "F.R2.M", second));
                plan.statuses(plan.prepare(data), statuses);
                for (int i = 0; i < rules.size(); i++) {
                    assertEquals(plan.explain("C" + i, data).orElseThrow().outcome().status(), status(statuses[i]),
                        rules.get(i) + " with " + first + " and " + second);
                }
            }
        }
    }

    static ControlStatus status(int status) {
        return status == Values.TRUE ? ControlStatus.PASSED : status == Values.FALSE ? ControlStatus.FAILED
            : status == Values.UNKNOWN ? ControlStatus.NOT_APPLICABLE : ControlStatus.RUNTIME_ERROR;
    }

    private Map<String, String> dossier() {
        Map<String, String> values = new HashMap<>();
        for (String cell : CELLS) {
            String value = switch (random.nextInt(14)) {
                case 0, 1 -> null;
                case 2 -> "0";
                case 3 -> "123456789012345.25";
                case 4 -> "0.1234567891";
                case 5 -> "abc";
                case 6 -> String.valueOf(random.nextInt(7) - 3);
                case 7 -> random.nextBoolean() ? "0.000001" : "-0.000001";
                case 8 -> random.nextBoolean() ? "0.5" : "-1.25";
                default -> (random.nextInt(2_000_000) - 1_000_000) / 100 + "." + random.nextInt(100);
            };
            if (value != null) {
                values.put(cell, value);
            }
        }
        values.put("F.ORG.NOM", random.nextBoolean() ? "Office" : "");
        values.put("F.ORG.CONV", random.nextInt(3) == 0 ? "peut-être" : String.valueOf(random.nextBoolean()));
        return values;
    }

    private String condition(int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 11);
        return switch (choice) {
            case 0 -> number(depth - 1) + " " + pick(RELATIONS) + " " + number(depth - 1)
                + (random.nextBoolean() ? " tolerance " + pick(new String[] {"1", "0.5", "0", "0.000001"}) : "");
            case 1 -> (random.nextBoolean() ? "filled(" : "empty(") + pick(new String[] {pick(NUMBERS), "F.ORG.NOM",
                "F.ORG.CONV"}) + ")";
            case 2 -> pick(new String[] {"F.ORG.CONV", "true", "false", "F.ORG.NOM = 'Office'"});
            case 3, 4 -> "(" + condition(depth - 1) + (random.nextBoolean() ? " and " : " or ") + condition(depth - 1) + ")";
            case 5 -> "not (" + condition(depth - 1) + ")";
            case 6 -> "if " + condition(depth - 1) + " then " + condition(depth - 1)
                + (random.nextBoolean() ? " else " + condition(depth - 1) : "");
            case 7 -> "empty(" + number(depth - 1) + ")";
            case 8 -> number(depth - 1) + " / " + number(depth - 1) + " " + pick(RELATIONS) + " " + number(depth - 1);
            default -> number(depth - 1) + " " + pick(RELATIONS) + " " + number(depth - 1);
        };
    }

    private String number(int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 16);
        return switch (choice) {
            case 0, 1 -> pick(NUMBERS);
            case 2 -> pick(new String[] {"0", "1.5", "1000", "0.000001", "99999999999999", "3", "0.5"});
            case 3 -> "(" + number(depth - 1) + " + " + number(depth - 1) + ")";
            case 4 -> "(" + number(depth - 1) + " - " + number(depth - 1) + ")";
            case 5 -> "(" + number(depth - 1) + " * " + number(depth - 1) + ")";
            case 6 -> "(" + number(depth - 1) + " / " + number(depth - 1) + ")";
            case 7 -> "(" + number(depth - 1) + " / " + pick(new String[] {"2", "3", "4", "0.5", "100"}) + ")";
            case 8 -> "-" + number(depth - 1);
            case 9 -> "abs(" + number(depth - 1) + ")";
            case 10 -> "round(" + number(depth - 1) + ", " + random.nextInt(4) + ")";
            case 11 -> random.nextBoolean() ? "sum(F.R1.M:F.R3.M)"
                : pick(new String[] {"min(", "max("}) + number(depth - 1) + ", " + number(depth - 1) + ")";
            case 12 -> "count(" + pick(NUMBERS) + ", F.ORG.NOM, " + number(depth - 1) + ")";
            case 13 -> "coalesce(" + number(depth - 1) + ", " + number(depth - 1) + ")";
            case 14 -> "(if " + condition(depth - 1) + " then " + number(depth - 1)
                + (random.nextBoolean() ? " else " + number(depth - 1) : "") + ")";
            default -> pick(CELLS);
        };
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
