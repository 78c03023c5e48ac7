package org.liasse.extender.control;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlReport;
import org.liasse.api.control.ControlStatus;
import org.liasse.api.definition.AggregateDefinition;
import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.Severity;
import org.liasse.api.definition.SourceLocation;
import org.liasse.extender.definition.LoadResult;
import org.liasse.extender.definition.RulePlugin;
import org.liasse.extender.formula.FormulaException;

/**
 * Differential test of the control engine: random rules and number expressions drawn from the whole grammar of
 * {@code docs/controls.md}, on random dossiers (empty cells, zeros, fractions, amounts up to the storage limit of
 * 10^25, unreadable values, year N-1, another questionnaire), decided by the bytecode's hot loop, by the
 * verification report and by the explanation (the closures), and compared with the {@link Oracle}, an exact
 * {@link BigDecimal} reading of the documentation. A disagreement fails with the seed and the rule and values
 * shrunk to a small counterexample.
 * <p>
 * {@code -Dliasse.fuzz.rules=100000} runs more rules (default 4,000), {@code -Dliasse.fuzz.seed=…} another seed.
 */
class DifferentialTest {

    private static final int RULES = Integer.getInteger("liasse.fuzz.rules", 4_000);
    private static final long SEED = Long.getLong("liasse.fuzz.seed", 20L);
    /** Rules (and as many number expressions) compiled into one plan. */
    private static final int BATCH = 100;
    private static final int DOSSIERS = 12;
    /** Candidates tried at most while shrinking a counterexample. */
    private static final int SHRINK_BUDGET = 1_500;

    private static final String AGGREGATES = String.join(",",
        aggregate("A1", "F.R1.M - F.R2.M * 2"),
        aggregate("A2", "sum(F.R1.M:F.R3.M) / F.R1.N"),
        aggregate("A3", "aggregate(A1) * 1.5 + coalesce(F.R3.M, 0)"));

    private enum Kind { NUMBER, CONDITION, TEXT, DATE }

    /**
     * A generated expression: a format whose {@code %s} are its parts, in order.
     */
    private record Gen(Kind kind, String format, List<Gen> parts) {

        static Gen leaf(Kind kind, String text) {
            return new Gen(kind, text.replace("%", "%%"), List.of());
        }

        String text() {
            return String.format(format, parts.stream().map(Gen::text).toArray());
        }

        /** Every tree with one node replaced by a simpler one of the same kind, simplest first. */
        List<Gen> simpler() {
            List<Gen> candidates = new ArrayList<>();
            for (Gen part : parts) {
                if (part.kind == kind) {
                    candidates.add(part);
                }
            }
            for (Gen leaf : SIMPLEST.get(kind)) {
                if (!leaf.equals(this) && (!parts.isEmpty() || leaf.format.length() < format.length())) {
                    candidates.add(leaf);
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                for (Gen smaller : parts.get(i).simpler()) {
                    List<Gen> changed = new ArrayList<>(parts);
                    changed.set(i, smaller);
                    candidates.add(new Gen(kind, format, changed));
                }
            }
            return candidates;
        }
    }

    private static final Map<Kind, List<Gen>> SIMPLEST = Map.of(
        Kind.NUMBER, List.of(Gen.leaf(Kind.NUMBER, "0"), Gen.leaf(Kind.NUMBER, "1"), Gen.leaf(Kind.NUMBER, "F.R1.M")),
        Kind.CONDITION, List.of(Gen.leaf(Kind.CONDITION, "true"), Gen.leaf(Kind.CONDITION, "false")),
        Kind.TEXT, List.of(Gen.leaf(Kind.TEXT, "'OPH'")),
        Kind.DATE, List.of(Gen.leaf(Kind.DATE, "F.ORG.CLOT")));

    private static final String[] RELATIONS = {"=", "<>", "<", "<=", ">", ">="};
    private static final String[] ROWS = {"R1", "R2", "R3", "TOTAL"};
    private static final String[] COLUMNS = {"M", "N", "P", "D"};
    private static final String[] LITERALS = {"0", "1", "2", "3", "0.5", "0.01", "0.000001", "0.0000001", "100",
        "10000000", "100000000000", "9223372036854", "9223372036855", "4611686018427.3", "9223372036854.775807",
        "99999999999999999999999.99", "1000000000000000000000000", "0.333333333333333333"};

    /** One generated case: a rule (a condition) or a number expression (checked as an aggregate's value). */
    private record Case(long seed, Gen expression) {
        boolean rule() {
            return expression.kind() == Kind.CONDITION;
        }
    }

    private static final SourceLocation HERE = new SourceLocation("fuzz", 1, 1);
    private static final Template MESSAGE = new Template(List.of(new Template.Part("m", null, null, 0)));

    private final Map<String, QuestionnaireDefinition> questionnaires = new HashMap<>();
    private List<RuleSet.Aggregate> fixedAggregates;
    private Oracle oracle;

    @Test
    void bytecodeClosuresAndTheDocumentedSemanticsAgree() {
        LoadResult.Loaded loaded = (LoadResult.Loaded) RulePlugin.load(RulePlugin.files("", AGGREGATES));
        loaded.definitions().questionnaires().forEach(q -> questionnaires.put(q.code(), q));
        fixedAggregates = loaded.rules().aggregates();
        oracle = new Oracle(questionnaires, "T", fixedAggregates.stream()
            .collect(Collectors.toMap(a -> a.definition().code(), RuleSet.Aggregate::expression)));
        int compiled = 0;
        int rules = 0;
        int[] seen = new int[ControlStatus.values().length];
        for (int batch = 0; batch * BATCH < RULES; batch++) {
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < Math.min(BATCH, RULES - batch * BATCH); i++) {
                long seed = SEED * 1_000_003L + batch * (long) BATCH + i;
                Random random = new Random(seed);
                cases.add(new Case(seed, condition(random, 4, false)));
                cases.add(new Case(seed, number(random, 4, false)));
            }
            CompiledPlan plan = plan(cases);
            compiled += plan.compiledRules();
            rules += cases.size() / 2;
            Random dossiers = new Random(SEED * 31 + batch);
            for (int d = 0; d < DOSSIERS; d++) {
                Run run = new Run(plan, dossier(dossiers));
                for (int i = 0; i < cases.size(); i++) {
                    String disagreement = disagreement(run, cases, i, seen);
                    if (disagreement != null) {
                        fail(shrunk(cases.get(i), run.data(), disagreement));
                    }
                }
            }
        }
        System.out.printf("DifferentialTest: %d rules and %d number expressions (seed %d) on %d dossiers each, "
            + "%d rules compiled to bytecode, outcomes %s %s%n", rules, rules, SEED, DOSSIERS, compiled,
            Arrays.toString(ControlStatus.values()), Arrays.toString(seen));
        assertTrue(compiled > rules * 2 / 5, compiled + " of " + rules + " rules ran as bytecode");
        for (ControlStatus status : ControlStatus.values()) {
            assertTrue(seen[status.ordinal()] > RULES / 100, "too few rules " + status + ": " + seen[status.ordinal()]);
        }
    }

    private static String aggregate(String code, String expression) {
        return "{\"code\": \"" + code + "\", \"questionnaire\": \"T\", \"label\": \"" + code + "\", \"expression\": \""
            + expression.replace("\"", "\\\"") + "\"}";
    }

    /**
     * One plan with the cases' rules as controls {@code Ci} and number expressions as aggregates {@code Xi}, built
     * as the extender builds it from a loaded plugin; {@link IllegalArgumentException} when one does not type-check.
     */
    private CompiledPlan plan(List<Case> cases) {
        List<RuleSet.Rule> rules = new ArrayList<>();
        List<RuleSet.Aggregate> values = new ArrayList<>(fixedAggregates);
        for (int i = 0; i < cases.size(); i++) {
            String text = cases.get(i).expression().text();
            Ast ast = parse(text);
            if (cases.get(i).rule()) {
                rules.add(new RuleSet.Rule(new ControlDefinition("C" + i, "T", Severity.ERROR, text, "m", List.of(), HERE),
                    ast, MESSAGE, List.of()));
            } else {
                values.add(new RuleSet.Aggregate(new AggregateDefinition("X" + i, "T", "X" + i, null, null, text, HERE),
                    ast, List.of()));
            }
        }
        RuleSet set = new RuleSet(rules, values);
        QuestionnaireDefinition t = questionnaires.get("T");
        Function<String, Optional<QuestionnaireDefinition>> others = code -> Optional.ofNullable(questionnaires.get(code));
        for (RuleSet.Rule rule : rules) {
            RuleChecker.rule(t, others, set, rule.definition().expression(), rule.expression(), MESSAGE).error()
                .ifPresent(error -> {
                    throw new IllegalArgumentException(rule.definition().expression() + " : " + error.error().getMessage());
                });
        }
        for (RuleSet.Aggregate aggregate : values) {
            RuleChecker.aggregate(t, others, set, aggregate.definition().code()).ifPresent(error -> {
                throw new IllegalArgumentException(aggregate.definition().expression() + " : " + error.getMessage());
            });
        }
        return CompiledPlan.build(t, others, List.of(new CompiledPlan.PluginRules("fuzz 1.0.0", set)));
    }

    private static Ast parse(String text) {
        try {
            return Parser.parse(text);
        } catch (FormulaException e) {
            throw new IllegalArgumentException(text + " : " + e.getMessage(), e);
        }
    }

    /** A plan run on one dossier: the hot loop's statuses and the verification report. */
    private record Run(CompiledPlan plan, ControlData data, int[] statuses, ControlReport report) {

        Run(CompiledPlan plan, ControlData data) {
            this(plan, data, new int[plan.controls().size()], plan.evaluate(data));
            plan.statuses(plan.prepare(data), statuses);
        }
    }

    /** What the engine says differently from the oracle about case {@code i} of a run, {@code null} if nothing. */
    private String disagreement(Run run, List<Case> cases, int i, int[] seen) {
        Case tested = cases.get(i);
        Ast ast = parse(tested.expression().text());
        ControlData data = run.data();
        if (tested.rule()) {
            ControlStatus expected = oracle.status(ast, data);
            seen[expected.ordinal()]++;
            int index = controlIndex(cases, i);
            ControlStatus hot = ProgramTest.status(run.statuses()[index]);
            ControlStatus reported = run.report().outcomes().get(index).status();
            ControlStatus explained = run.plan().explain("C" + i, data).orElseThrow().outcome().status();
            return hot == expected && reported == expected && explained == expected ? null : "documented " + expected
                + ", bytecode " + hot + ", verification " + reported + ", explanation " + explained;
        }
        Object expected;
        try {
            expected = oracle.value(ast, data, false);
        } catch (Oracle.Unreadable e) {
            expected = "runtime error";
        }
        AggregateValue value = run.report().aggregates().stream().filter(a -> a.code().equals("X" + i)).findFirst()
            .orElseThrow();
        Object actual = !value.error().isEmpty() ? "runtime error" : value.value();
        boolean same = expected instanceof BigDecimal e && actual instanceof BigDecimal a ? e.compareTo(a) == 0
            : expected == null ? actual == null : expected.equals(actual);
        return same ? null : "documented " + expected + ", engine " + actual;
    }

    private static int controlIndex(List<Case> cases, int i) {
        int index = 0;
        for (int j = 0; j < i; j++) {
            index += cases.get(j).rule() ? 1 : 0;
        }
        return index;
    }

    /** The failure message, with the case shrunk while it still disagrees. */
    private String shrunk(Case failing, ControlData data, String disagreement) {
        Function<Case, Function<ControlData, String>> check = c -> {
            CompiledPlan plan;
            try {
                plan = plan(List.of(c));
            } catch (IllegalArgumentException e) {
                return d -> null;
            }
            return d -> disagreement(new Run(plan, d), List.of(c), 0, new int[ControlStatus.values().length]);
        };
        Case current = failing;
        ControlData values = data;
        String reason = disagreement;
        int budget = SHRINK_BUDGET;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            Function<ControlData, String> onCurrent = check.apply(current);
            for (boolean smaller = true; smaller && budget > 0; ) {
                smaller = false;
                for (ControlData candidate : smaller(values)) {
                    String result = budget-- > 0 ? onCurrent.apply(candidate) : null;
                    if (result != null) {
                        values = candidate;
                        reason = result;
                        smaller = true;
                        break;
                    }
                }
            }
            for (Gen simpler : current.expression().simpler()) {
                Case candidate = new Case(current.seed(), simpler);
                String result = budget-- > 0 ? check.apply(candidate).apply(values) : null;
                if (result != null) {
                    current = candidate;
                    reason = result;
                    progress = true;
                    break;
                }
            }
        }
        long index = failing.seed() - SEED * 1_000_003L;
        return "the engine disagrees with docs/controls.md on case " + index + " of seed " + SEED + " (again with "
            + "-Dliasse.fuzz.seed=" + SEED + " -Dliasse.fuzz.rules=" + (index + 1) + ")\n  " + (current.rule() ? "rule: " : "value of: ") + current.expression().text()
            + "\n  values: " + new TreeMap<>(values.values()) + "\n  N-1: " + new TreeMap<>(values.previous())
            + "\n  Q2: " + new TreeMap<>(values.others().getOrDefault("Q2", Map.of())) + "\n  " + reason
            + "\n  before shrinking: " + failing.expression().text();
    }

    /** The dossier without its year N-1 or other questionnaire, with one value fewer, or one value made simpler. */
    private static List<ControlData> smaller(ControlData data) {
        List<ControlData> candidates = new ArrayList<>();
        List<Map<String, String>> maps = List.of(data.values(), data.previous(),
            data.others().getOrDefault("Q2", Map.of()));
        if (!maps.get(1).isEmpty()) {
            candidates.add(new ControlData(maps.get(0), Map.of(), data.others()));
        }
        if (!maps.get(2).isEmpty()) {
            candidates.add(new ControlData(maps.get(0), maps.get(1), Map.of()));
        }
        for (int m = 0; m < maps.size(); m++) {
            for (String cell : maps.get(m).keySet()) {
                String value = maps.get(m).get(cell);
                for (String replacement : new String[] {null, "0", "1"}) {
                    // 0 is simpler than 1, which is simpler than any other number
                    if (replacement != null && (value.equals("0") || value.equals(replacement)
                        || !cell.matches(".*\\.[MNPD]"))) {
                        continue;
                    }
                    List<Map<String, String>> changed = new ArrayList<>();
                    for (Map<String, String> map : maps) {
                        changed.add(new HashMap<>(map));
                    }
                    if (replacement == null) {
                        changed.get(m).remove(cell);
                    } else {
                        changed.get(m).put(cell, replacement);
                    }
                    candidates.add(new ControlData(changed.get(0), changed.get(1), Map.of("Q2", changed.get(2))));
                }
            }
        }
        return candidates;
    }

    // ------------------------------------------------------------------ dossiers

    private ControlData dossier(Random random) {
        return new ControlData(values(random, questionnaires.get("T")), values(random, questionnaires.get("T")),
            Map.of("Q2", values(random, questionnaires.get("Q2"))));
    }

    private static Map<String, String> values(Random random, QuestionnaireDefinition questionnaire) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CellDefinition cell : questionnaire.cells().values()) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            String value = switch (cell.column().type()) {
                case INTEGER -> number(random, 0);
                case DECIMAL, AMOUNT, PERCENTAGE -> number(random, cell.column().scale());
                case TEXT -> pick(random, "Office", "OPH", "ESH", "");
                case CODE -> pick(random, "OPH", "ESH");
                case DATE -> random.nextInt(30) == 0 ? "31/12/2025" : pick(random, "2025-06-30", "2024-12-31", "2025-01-01");
                case BOOLEAN -> random.nextInt(30) == 0 ? "peut-être" : pick(random, "true", "false");
            };
            values.put(cell.code(), value);
        }
        return values;
    }

    /**
     * A canonical number with at most {@code scale} decimals, below 10^25 like stored values, often near the limits
     * of the fixed-point longs (±9,223,372,036,854.775807), or rarely garbage.
     */
    private static String number(Random random, int scale) {
        if (random.nextInt(60) == 0) {
            return "beaucoup";
        }
        BigDecimal value = switch (random.nextInt(20)) {
            case 0, 1 -> BigDecimal.ZERO;
            case 2 -> BigDecimal.valueOf(random.nextInt(7) - 3);
            case 3, 4, 5 -> new BigDecimal(pick(random, "9223372036854.775807", "9223372036854.6", "9223372036854.5",
                "4611686018427.39", "9223372036855", "10000000000000", "99999999999999999999999.99", "0.00000001",
                "0.12345678", "0.5"));
            case 6 -> new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(scale + 1));
            case 7 -> new BigDecimal(random.nextLong()).multiply(BigDecimal.valueOf(random.nextInt(1_000_000)))
                .movePointLeft(random.nextInt(scale + 1));
            case 8, 9 -> BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, Math.min(scale, 6));
            default -> BigDecimal.valueOf(random.nextInt(200_000) - 100_000, Math.min(scale, 2));
        };
        value = value.setScale(Math.max(0, Math.min(scale, value.scale())), java.math.RoundingMode.DOWN);
        if (random.nextInt(3) == 0) {
            value = value.negate();
        }
        return value.abs().compareTo(BigDecimal.TEN.pow(25)) >= 0 ? "0" : value.toPlainString();
    }

    // ------------------------------------------------------------------ expressions

    private static Gen condition(Random random, int depth, boolean previous) {
        int choice = random.nextInt(depth <= 0 ? 2 : 19);
        return switch (choice) {
            case 0 -> Gen.leaf(Kind.CONDITION, pick(random, "true", "false", "F.ORG.CONV",
                previous ? "F.ORG.CONV" : "prev(F.ORG.CONV)"));
            case 1, 2, 3, 4 -> new Gen(Kind.CONDITION, "(%s " + pick(random, RELATIONS) + " %s"
                + (random.nextInt(3) == 0 ? " tolerance " + pick(random, "0", "1", "0.5", "0.000001", "0.0000001",
                "100000000000000") : "") + ")", List.of(number(random, depth - 1, previous), number(random, depth - 1, previous)));
            case 5 -> new Gen(Kind.CONDITION, "(%s " + pick(random, "=", "<>") + " %s)",
                List.of(text(random, depth - 1, previous), text(random, depth - 1, previous)));
            case 6 -> random.nextBoolean()
                ? new Gen(Kind.CONDITION, "(%s " + pick(random, RELATIONS) + " %s)",
                    List.of(date(random, depth - 1, previous), date(random, depth - 1, previous)))
                : new Gen(Kind.CONDITION, "(%s " + pick(random, RELATIONS) + " '" + pick(random, "2025-06-30",
                    "2024-12-31") + "')", List.of(date(random, depth - 1, previous)));
            case 7 -> new Gen(Kind.CONDITION, "(%s " + pick(random, "=", "<>") + " %s)",
                List.of(condition(random, depth - 1, previous), condition(random, depth - 1, previous)));
            case 8, 9 -> new Gen(Kind.CONDITION, "(%s " + pick(random, "and", "or") + " %s)",
                List.of(condition(random, depth - 1, previous), condition(random, depth - 1, previous)));
            case 10 -> new Gen(Kind.CONDITION, "(not %s)", List.of(condition(random, depth - 1, previous)));
            case 11 -> conditional(random, Kind.CONDITION, depth, previous);
            case 12, 13 -> new Gen(Kind.CONDITION, pick(random, "empty(%s)", "filled(%s)"), List.of(any(random, depth - 1,
                previous)));
            case 15 -> new Gen(Kind.CONDITION, "(%s " + pick(random, RELATIONS) + " %s" + (random.nextInt(3) == 0
                ? " tolerance " + pick(random, "0", "1", "0.01") : "") + ")", List.of(linear(random, depth - 1, previous),
                linear(random, depth - 1, previous)));
            case 16 -> new Gen(Kind.CONDITION, "(abs(%s) " + pick(random, RELATIONS) + " %s)", List.of(linear(random,
                depth - 1, previous), Gen.leaf(Kind.NUMBER, pick(random, LITERALS))));
            case 14 -> new Gen(Kind.CONDITION, "(%s / %s " + pick(random, RELATIONS) + " %s)", List.of(
                number(random, depth - 1, previous), number(random, depth - 1, previous), number(random, depth - 1, previous)));
            default -> previous ? condition(random, depth - 1, true)
                : new Gen(Kind.CONDITION, "prev(%s)", List.of(condition(random, depth - 1, true)));
        };
    }

    private static Gen number(Random random, int depth, boolean previous) {
        int choice = random.nextInt(depth <= 0 ? 4 : 24);
        return switch (choice) {
            case 0 -> Gen.leaf(Kind.NUMBER, pick(random, LITERALS));
            case 1, 2 -> Gen.leaf(Kind.NUMBER, "F." + pick(random, ROWS) + "." + pick(random, COLUMNS));
            case 3 -> Gen.leaf(Kind.NUMBER, previous ? pick(random, "F.R2.M", "aggregate(A2)", "aggregate(A3)")
                : pick(random, "prev(F.R1.M)", "prev(F.TOTAL.D)",
                "Q2:G.X.M", "aggregate(A1)", "aggregate(A2)", "aggregate(A3)"));
            case 4, 5 -> binary(random, "+", depth, previous);
            case 6, 7 -> binary(random, "-", depth, previous);
            case 8, 9 -> binary(random, "*", depth, previous);
            case 10, 11 -> binary(random, "/", depth, previous);
            case 12 -> new Gen(Kind.NUMBER, "-(%s)", List.of(number(random, depth - 1, previous)));
            case 13 -> new Gen(Kind.NUMBER, "abs(%s)", List.of(number(random, depth - 1, previous)));
            case 14 -> new Gen(Kind.NUMBER, "round(%s, " + (random.nextBoolean() ? random.nextInt(3)
                : random.nextInt(11)) + ")", List.of(number(random, depth - 1, previous)));
            case 15 -> new Gen(Kind.NUMBER, pick(random, "sum", "min", "max") + "(%s, %s)",
                List.of(number(random, depth - 1, previous), number(random, depth - 1, previous)));
            case 16 -> new Gen(Kind.NUMBER, pick(random, "sum", "min", "max") + "(" + pick(random, "F.R1.M:F.R3.M",
                "F.R1.M:F.TOTAL.D", "F.AC_*.PART", "F.R2.N:F.R3.P") + ", %s)", List.of(number(random, depth - 1, previous)));
            case 17 -> new Gen(Kind.NUMBER, "count(%s, %s" + pick(random, "", ", F.R1.M:F.R3.N", ", F.AC_*.NOM") + ")",
                List.of(any(random, depth - 1, previous), any(random, depth - 1, previous)));
            case 18 -> new Gen(Kind.NUMBER, "coalesce(%s, %s)", List.of(number(random, depth - 1, previous),
                number(random, depth - 1, previous)));
            case 19 -> conditional(random, Kind.NUMBER, depth, previous);
            case 20 -> previous ? number(random, depth - 1, true)
                : new Gen(Kind.NUMBER, "prev(%s)", List.of(number(random, depth - 1, true)));
            case 21 -> new Gen(Kind.NUMBER, "(%s * " + pick(random, "0.000001", "0.01", "1.2", "100", "0.5") + " "
                + pick(random, "+", "-") + " %s)", List.of(number(random, depth - 1, previous), number(random, depth - 1,
                previous)));
            default -> Gen.leaf(Kind.NUMBER, "F." + pick(random, ROWS) + "." + pick(random, COLUMNS));
        };
    }

    /**
     * A linear combination of cells (the shape the bytecode decides with plain long arithmetic): cells, constants,
     * sums of ranges, {@code + -}, and products by constants, whole or not.
     */
    private static Gen linear(Random random, int depth, boolean previous) {
        return switch (random.nextInt(depth <= 0 ? 3 : 8)) {
            case 0 -> Gen.leaf(Kind.NUMBER, pick(random, "1", "0.5", "10000000", "100000000000", "4611686018427.3",
                "9223372036854", "2305843009213.693952"));
            case 1 -> Gen.leaf(Kind.NUMBER, previous ? "F.R3.M" : pick(random, "prev(F.R1.M)", "sum(F.R1.M:F.R3.M)",
                "sum(F.R1.N:F.TOTAL.N)"));
            case 2, 3 -> Gen.leaf(Kind.NUMBER, "F." + pick(random, ROWS) + "." + pick(random, COLUMNS));
            case 4 -> new Gen(Kind.NUMBER, "-%s", List.of(linear(random, depth - 1, previous)));
            case 5, 6 -> new Gen(Kind.NUMBER, "%s " + pick(random, "+", "-") + " %s", List.of(linear(random, depth - 1,
                previous), linear(random, depth - 1, previous)));
            default -> new Gen(Kind.NUMBER, "%s * " + pick(random, "0.000001", "0.01", "1.2", "3", "100", "0.5",
                "1000000", "0.0000001"), List.of(linear(random, 0, previous)));
        };
    }

    private static Gen binary(Random random, String operator, int depth, boolean previous) {
        return new Gen(Kind.NUMBER, "(%s " + operator + " %s)", List.of(number(random, depth - 1, previous),
            number(random, depth - 1, previous)));
    }

    private static Gen text(Random random, int depth, boolean previous) {
        int choice = random.nextInt(depth <= 0 ? 1 : 4);
        return switch (choice) {
            case 0 -> Gen.leaf(Kind.TEXT, pick(random, "'OPH'", "'ESH'", "F.ORG.NOM", "F.ORG.CAT",
                previous ? "F.ORG.NOM" : "prev(F.ORG.CAT)"));
            case 1 -> new Gen(Kind.TEXT, "coalesce(%s, %s)", List.of(text(random, depth - 1, previous),
                text(random, depth - 1, previous)));
            case 2 -> conditional(random, Kind.TEXT, depth, previous);
            default -> Gen.leaf(Kind.TEXT, "F.ORG.NOM");
        };
    }

    private static Gen date(Random random, int depth, boolean previous) {
        int choice = random.nextInt(depth <= 0 ? 1 : 3);
        return switch (choice) {
            case 0 -> Gen.leaf(Kind.DATE, previous ? "F.ORG.CLOT" : pick(random, "F.ORG.CLOT", "prev(F.ORG.CLOT)"));
            case 1 -> new Gen(Kind.DATE, "coalesce(%s, %s)", List.of(date(random, depth - 1, previous),
                date(random, depth - 1, previous)));
            default -> conditional(random, Kind.DATE, depth, previous);
        };
    }

    private static Gen conditional(Random random, Kind kind, int depth, boolean previous) {
        Function<Integer, Gen> branch = d -> switch (kind) {
            case NUMBER -> number(random, d, previous);
            case CONDITION -> condition(random, d, previous);
            case TEXT -> text(random, d, previous);
            case DATE -> date(random, d, previous);
        };
        Gen condition = condition(random, depth - 1, previous);
        return random.nextInt(3) == 0
            ? new Gen(kind, "(if %s then %s)", List.of(condition, branch.apply(depth - 1)))
            : new Gen(kind, "(if %s then %s else %s)", List.of(condition, branch.apply(depth - 1), branch.apply(depth - 1)));
    }

    private static Gen any(Random random, int depth, boolean previous) {
        return switch (random.nextInt(5)) {
            case 0 -> condition(random, depth, previous);
            case 1 -> text(random, depth, previous);
            case 2 -> date(random, depth, previous);
            default -> number(random, depth, previous);
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
