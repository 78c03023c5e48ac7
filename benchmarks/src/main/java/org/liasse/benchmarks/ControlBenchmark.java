package org.liasse.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.liasse.api.control.ControlReport;
import org.liasse.extender.control.Frame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH benchmark of the control engine: the same 2,000 rules ({@link ControlRules}) over the same 2,000-cell dossier,
 * compiled by Liasse and interpreted by Apache JEXL 3, one thread. Run by
 * {@code mvn -B -ntp -pl benchmarks exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.liasse.benchmarks.ControlBenchmark"};
 * writes the "Controls" section of {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ControlBenchmark {

    private static final String HEADING = "## Controls";

    private ControlRules rules;

    /** Builds the plugin, compiles it and prepares the dossier once. */
    @Setup
    public void setUp() {
        rules = new ControlRules();
        if (rules.liasse() != rules.jexl()) {
            throw new IllegalStateException("Liasse and JEXL disagree: " + rules.liasse() + " vs " + rules.jexl()
                + " failed rules");
        }
    }

    /** 2,000 compiled rules on prepared values: the hot loop of a verification run. */
    @Benchmark
    public int liasseRules() {
        return rules.liasse();
    }

    /** The same 2,000 rules with JEXL 3 (exact BigDecimal arithmetic). */
    @Benchmark
    public int jexlRules() {
        return rules.jexl();
    }

    /** Preparing the dossier's 2,000 values and N-1 values into slot arrays. */
    @Benchmark
    public Frame liassePrepare() {
        return rules.plan.prepare(rules.data);
    }

    /** A whole report: preparation, 2,000 rules, messages and values of the failed ones. */
    @Benchmark
    public ControlReport liasseReport() {
        return rules.plan.evaluate(rules.data);
    }

    /** Runs the benchmark and writes its section of the report. */
    public static void main(String[] args) throws Exception {
        int warmups = Integer.getInteger("warmups", 5);
        int iterations = Integer.getInteger("iterations", 10);
        Options options = new OptionsBuilder().include(ControlBenchmark.class.getName() + "\\.")
            .forks(1).warmupIterations(warmups).warmupTime(TimeValue.seconds(2))
            .measurementIterations(iterations).measurementTime(TimeValue.seconds(2)).threads(1)
            .jvmArgsAppend("-Xms1g", "-Xmx1g").build();
        String loadBefore = Report.loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        String loadAfter = Report.loadAverage();
        Map<String, double[]> figures = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            var statistics = result.getPrimaryResult().getStatistics();
            figures.put(name.substring(name.lastIndexOf('.') + 1), new double[] {statistics.getMean(),
                statistics.getMeanErrorAt(0.999), statistics.getMin(), statistics.getMax()});
        }
        ControlRules sample = new ControlRules();
        String report = System.getProperty("liasse.report", "../docs/benchmarks.md");
        String section = section(figures, sample, warmups + " × 2 s warm-up then " + iterations + " × 2 s measured",
            loadBefore, loadAfter);
        Report.write(Path.of(report), section);
        System.out.println(section);
    }

    static String section(Map<String, double[]> figures, ControlRules sample, String iterations, String loadBefore,
                          String loadAfter) {
        double liasse = figures.get("liasseRules")[0];
        double jexl = figures.get("jexlRules")[0];
        double perRule = liasse * 1000 / ControlRules.RULES;
        double perSecond = ControlRules.RULES / liasse * 1_000_000;
        double jexlPerRule = jexl * 1000 / ControlRules.RULES;
        double ratio = jexl / liasse;
        StringBuilder mix = new StringBuilder();
        sample.shapes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(e -> mix.append(mix.length() == 0 ? "" : ", ").append(e.getKey()).append(" ").append(e.getValue()));
        return """
            %s

            Measured by `mvn -B -ntp -pl benchmarks exec:exec -Dexec.executable=java -Dexec.args="-cp %%classpath org.liasse.benchmarks.ControlBenchmark"`
            (after `mvn -B -ntp install -DskipTests`) on %s, %d cores, Java %s: JMH 1.37, one fork, one thread,
            %s per benchmark. Same 2,000 rules over the same 2,000-cell dossier
            (with its 2,000 values of year N-1) in both engines; the run checks that both find the same %d failing
            rules before measuring. Other work on the machine shares its cores: load average (1 / 5 / 15 min) %s
            before, %s after.

            | measurement | mean (µs) | ± 99.9 %% (µs) | per rule (ns) | rules per second per core | target | met |
            |---|---|---|---|---|---|---|
            | Liasse, 2,000 compiled rules on prepared values | %s | %s | %s | %s | ≥ 10,000,000 / s | %s |
            | Apache JEXL 3, the same 2,000 rules | %s | %s | %s | %s | | |
            | Liasse vs JEXL | | | | %s× faster | ≥ 100× | %s |
            | Liasse, preparing the dossier (2,000 + 2,000 values into slots) | %s | %s | | | | |
            | Liasse, whole report (preparation, rules, messages of failed rules) | %s | %s | | | | |

            - **Rule mix** (drawn at random with a fixed seed): %s.
            - **Liasse**: rules parsed, type-checked and compiled when the plugin loads, to closures and to JVM
              bytecode (one hidden class written with ASM: %d of the 2,000 rules are bytecode, the others run as
              closures); a dossier's values are read once into fixed-point `long`s (millionths, exact) with a
              `BigDecimal` fallback for what does not fit. Comparisons whose difference is linear (balances, range
              sums, signs, changes from N-1, absolute differences: three quarters of the mix, and both comparisons
              of the if … then … rules) read their cells with plain long arithmetic under one range test and decide
              without a branch; quotient comparisons are decided on
              the truncated quotient; whatever the bytecode cannot decide exactly goes to the closures. No parsing,
              no look-up by cell code and no dispatch on nodes while rules run. "Whole report" adds the French
              message and the values involved of every failed rule.
            - **JEXL**: each rule a cached `JexlScript` run against a `MapContext` of `BigDecimal` values, strict
              arithmetic with `MathContext.DECIMAL64`, `BigDecimal` literals and two namespace functions (`abs`,
              `round`), as a plugin's rules would be if interpreted. JEXL took 0.7 to 1.5 µs per rule in the runs of
              2026-11-23 and 24 on this shared machine (cached scripts, values already `BigDecimal` in the context),
              less than the 2.75 µs of the earlier spike in `shared/STACK.md`: at 0.7 µs the ratio would be about 100×.
            - **What made the difference**: the earlier engine ran these rules as compact `long[]` programs and
              closures (38× JEXL on 2026-11-23). Bytecode that mirrored the closures' checks on every operand was
              hardly faster: 2,000 rules of straight-line code with a branch per value do not fit the processor's
              instruction caches. What pays is code that stays small per rule: one range test instead of a check
              per value, and the relation decided without a branch.
            """.formatted(HEADING, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), iterations, sample.liasse(), loadBefore, loadAfter,
            Report.number(liasse), Report.number(figures.get("liasseRules")[1]), Report.number(perRule),
            String.format(java.util.Locale.ROOT, "%,.0f", perSecond), perSecond >= 10_000_000 ? "yes" : "no",
            Report.number(jexl), Report.number(figures.get("jexlRules")[1]), Report.number(jexlPerRule),
            String.format(java.util.Locale.ROOT, "%,.0f", ControlRules.RULES / jexl * 1_000_000),
            Report.number(ratio), ratio >= 100 ? "yes" : "no",
            Report.number(figures.get("liassePrepare")[0]), Report.number(figures.get("liassePrepare")[1]),
            Report.number(figures.get("liasseReport")[0]), Report.number(figures.get("liasseReport")[1]), mix,
            sample.plan.compiledRules());
    }
}
