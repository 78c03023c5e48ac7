package org.liasse.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.liasse.api.control.ControlData;
import org.liasse.extender.control.CompiledPlan;
import org.liasse.extender.control.Frame;
import org.liasse.extender.definition.DefinitionFile;
import org.liasse.extender.definition.DefinitionLoader;
import org.liasse.extender.definition.LoadResult;

/**
 * A realistic rule set for the control benchmark: a 2,000-cell questionnaire (200 rows × 10 columns of amounts,
 * counts and rates), a filled dossier with its year N-1, and 2,000 rules drawn from the shapes business controls
 * take (balances with a tolerance, range sums, signs, conditions, differences, ratios, filled cells, changes from
 * N-1, rounded shares), each written both in the Liasse control language and in Apache JEXL 3 with exact
 * {@link BigDecimal} arithmetic.
 */
final class ControlRules {

    static final int ROWS = 200;
    static final int COLUMNS = 10;
    static final int RULES = 2000;

    final CompiledPlan plan;
    final Frame frame;
    final List<JexlScript> jexl = new ArrayList<>();
    final JexlContext context;
    final ControlData data;
    final int[] statuses = new int[RULES];
    final Map<String, Integer> shapes = new HashMap<>();

    /**
     * {@code abs} and {@code round} for JEXL, as in the control language (half up). JEXL narrows arguments before a
     * call (a {@code BigDecimal} may arrive as a {@code Double}), so they take any number.
     */
    public static final class Functions {
        public static BigDecimal abs(Number value) {
            return decimal(value).abs();
        }

        public static BigDecimal round(Number value, Number digits) {
            return decimal(value).setScale(digits.intValue(), RoundingMode.HALF_UP);
        }

        private static BigDecimal decimal(Number value) {
            return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        }
    }

    ControlRules() {
        Random random = new Random(2025);
        Map<String, String> values = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        MapContext jexlContext = new MapContext();
        for (int row = 1; row <= ROWS; row++) {
            for (int column = 1; column <= COLUMNS; column++) {
                BigDecimal value = column <= 7 ? BigDecimal.valueOf(random.nextInt(100_000_000), 2)
                    : column <= 9 ? BigDecimal.valueOf(random.nextInt(500)) : BigDecimal.valueOf(random.nextInt(10_000), 2);
                BigDecimal before = value.multiply(BigDecimal.valueOf(80 + random.nextInt(45), 2))
                    .setScale(value.scale(), RoundingMode.HALF_UP);
                values.put(cell(row, column), value.toPlainString());
                previous.put(cell(row, column), before.toPlainString());
                jexlContext.set(variable(row, column), value);
                jexlContext.set("p" + variable(row, column), before);
            }
        }
        this.context = jexlContext;
        StringBuilder controls = new StringBuilder();
        List<String> jexlSources = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            String[] rule = rule(random);
            controls.append(i == 0 ? "" : ",\n").append("{\"code\": \"C").append(i)
                .append("\", \"questionnaire\": \"BENCH\", \"severity\": \"error\", \"expression\": \"")
                .append(rule[0]).append("\", \"message\": \"Échec : {left} / {right}.\"}");
            jexlSources.add(rule[1]);
        }
        LoadResult result = new DefinitionLoader().load(List.of(
            file("META-INF/liasse/questionnaires/bench.json", questionnaire()),
            file("META-INF/liasse/controls/bench.json", "{\"controls\": [" + controls + "]}")), code -> Optional.empty());
        if (!(result instanceof LoadResult.Loaded loaded)) {
            throw new IllegalStateException("benchmark plugin rejected: " + ((LoadResult.Rejected) result).problems());
        }
        plan = CompiledPlan.build(loaded.definitions().questionnaires().get(0), code -> Optional.empty(),
            List.of(new CompiledPlan.PluginRules("benchmark 1.0.0", loaded.rules())));
        data = new ControlData(values, previous, Map.of());
        frame = plan.prepare(data);
        JexlEngine engine = new JexlBuilder().permissions(org.apache.commons.jexl3.introspection.JexlPermissions.UNRESTRICTED).strict(true).silent(false).cache(RULES * 2)
            .arithmetic(new org.apache.commons.jexl3.JexlArithmetic(true, MathContext.DECIMAL64, 16))
            .namespaces(Map.of("f", Functions.class)).create();
        for (String source : jexlSources) {
            jexl.add(engine.createScript(source));
        }
    }

    private static DefinitionFile file(String path, String content) {
        return new DefinitionFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    static String cell(int row, int column) {
        return "F.R" + row + ".C" + column;
    }

    private static String variable(int row, int column) {
        return "c_" + row + "_" + column;
    }

    /** The JSON rows R1 … Rn of a generated questionnaire table. */
    static String rows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int row = 1; row <= count; row++) {
            rows.append(row == 1 ? "" : ",").append("{\"code\": \"R").append(row).append("\", \"label\": \"Ligne ")
                .append(row).append("\"}");
        }
        return rows.toString();
    }

    /** The JSON columns C1 … Cn of a generated questionnaire table, all amounts. */
    static String amountColumns(int count) {
        StringBuilder columns = new StringBuilder();
        for (int column = 1; column <= count; column++) {
            columns.append(column == 1 ? "" : ",").append("{\"code\": \"C").append(column)
                .append("\", \"label\": \"Montant ").append(column).append("\", \"type\": \"amount\"}");
        }
        return columns.toString();
    }

    private static String questionnaire() {
        String rows = rows(ROWS);
        StringBuilder columns = new StringBuilder();
        for (int column = 1; column <= COLUMNS; column++) {
            String type = column <= 7 ? "\"amount\"" : column <= 9 ? "\"integer\"" : "\"percentage\"";
            columns.append(column == 1 ? "" : ",").append("{\"code\": \"C").append(column)
                .append("\", \"label\": \"Colonne ").append(column).append("\", \"type\": ").append(type).append("}");
        }
        return "{\"code\": \"BENCH\", \"version\": \"2025.1\", \"title\": \"Banc d'essai\", \"years\": [2025], "
            + "\"fiches\": [{\"code\": \"F\", \"title\": \"F\", \"tables\": [{\"code\": \"T\", \"title\": \"T\", "
            + "\"rows\": [" + rows + "], \"columns\": [" + columns + "]}]}]}";
    }

    /** One rule: {Liasse, JEXL}, with the mix of shapes counted in {@link #shapes}. */
    private String[] rule(Random random) {
        int row = 1 + random.nextInt(ROWS - 12);
        int column = 1 + random.nextInt(7);
        String a = cell(row, column), b = cell(row + 1, column), c = cell(row + 2, column), d = cell(row + 3, column);
        String va = variable(row, column), vb = variable(row + 1, column), vc = variable(row + 2, column),
            vd = variable(row + 3, column);
        int dice = random.nextInt(100);
        String shape;
        String[] rule;
        if (dice < 25) {
            shape = "balance A + B + C = D with a tolerance";
            rule = new String[] {a + " + " + b + " + " + c + " = " + d + " tolerance 1",
                "f:abs(" + va + " + " + vb + " + " + vc + " - " + vd + ") <= 1B"};
        } else if (dice < 40) {
            int length = 5 + random.nextInt(6);
            StringBuilder sum = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sum.append(i == 0 ? "" : " + ").append(variable(row + i, column));
            }
            shape = "sum of a 5 to 10-cell range compared with a cell";
            rule = new String[] {"sum(" + a + ":" + cell(row + length - 1, column) + ") <= " + cell(row + 11, column) + " * 10",
                "(" + sum + ") <= " + variable(row + 11, column) + " * 10B"};
        } else if (dice < 55) {
            shape = "sign of a cell";
            rule = new String[] {a + " >= 0", va + " >= 0B"};
        } else if (dice < 65) {
            shape = "if … then …";
            rule = new String[] {"if " + a + " > 500000 then " + b + " > 1000", va + " > 500000B ? " + vb + " > 1000B : true"};
        } else if (dice < 75) {
            shape = "absolute difference";
            rule = new String[] {"abs(" + a + " - " + b + ") <= 900000", "f:abs(" + va + " - " + vb + ") <= 900000B"};
        } else if (dice < 80) {
            String n = cell(row, 8), vn = variable(row, 8);
            shape = "ratio (division) of an amount by a count";
            rule = new String[] {a + " / " + n + " <= 100000", vn + " == 0B ? true : " + va + " / " + vn + " <= 100000B"};
        } else if (dice < 85) {
            shape = "filled / empty";
            rule = new String[] {"filled(" + a + ") or empty(" + b + ")", va + " != null || " + vb + " == null"};
        } else if (dice < 95) {
            shape = "change from year N-1 (prev)";
            rule = new String[] {a + " <= prev(" + a + ") * 1.2", va + " <= p" + va + " * 1.2B"};
        } else {
            String rate = cell(row, 10), vrate = variable(row, 10);
            shape = "rounded share";
            rule = new String[] {"round(" + a + " * " + rate + " / 100, 2) <= " + b,
                "f:round(" + va + " * " + vrate + " / 100B, 2) <= " + vb};
        }
        shapes.merge(shape, 1, Integer::sum);
        return rule;
    }

    /** Evaluates the 2,000 compiled rules; returns how many failed. */
    int liasse() {
        return plan.statuses(frame, statuses);
    }

    /** Evaluates the 2,000 JEXL scripts; returns how many failed. */
    int jexl() {
        int failed = 0;
        for (JexlScript script : jexl) {
            if (!Boolean.TRUE.equals(script.execute(context))) {
                failed++;
            }
        }
        return failed;
    }
}
