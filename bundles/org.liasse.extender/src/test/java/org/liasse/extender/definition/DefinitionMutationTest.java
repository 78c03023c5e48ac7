package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.liasse.api.control.ControlData;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.extender.control.CompiledPlan;

/**
 * Mutates the partners' real plugin files (rules, formulas, numbers, JSON syntax, bytes, whole files) and loads each
 * mutant as {@code deploy/} does: the loader, then the compiled plan of every questionnaire and a verification of an
 * empty dossier. Every mutant must end loaded, or refused with problems located in its files; no exception may escape
 * and none may cost a second of processor time. Seeded: a failure names the mutant to replay.
 * {@code -Dliasse.mutants=N} runs more than the default count.
 */
class DefinitionMutationTest {

    private static final int MUTANTS = Integer.getInteger("liasse.mutants", 250);
    private static final long SEED = Long.getLong("liasse.mutants.seed", 20261207L);
    private static final long CPU_LIMIT_NANOS = 1_000_000_000L;
    private static final Path QUESTIONNAIRES = Path.of("../../questionnaires");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s{0,40})-?\\d+(?:\\.\\d+)?");
    private static final List<String> FRAGMENTS = List.of("(", ")", " + ", " - ", " * ", " / 0", " / ", "aggregate(",
        "prev(", "sum(", "round(", "coalesce(", "count(", "abs(", " and ", " or not ", "if ", " then ", " else ", ",",
        ":", "_*", ".", "@", "{", "}", "{left}", "{{", "\u0661\u0662", "+10000-01-01", "\\\"2025-02-30\\\"",
        "9223372036854.6", "0.000001", "1e999", "99999999999999999999999999", " tolerance -1", " = ", " <> ", " <= ",
        "\\\\", "\\u0000", "'", "\\\"", "true", "empty(", "filled(", "A.B.C", "F.R1.M");
    private static final String INSERTED = "{}[],:\"\\\u00e9\t";
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2.5", "-0.0", "1e39", "1e999999999",
        "99999999999999999999999", "2147483648", "-9223372036854775809", "0.0000001");

    private final DefinitionLoader loader = new DefinitionLoader();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private record Plugin(String name, List<DefinitionFile> files) {
    }

    private record Mutant(long seed, String plugin, String description, List<DefinitionFile> files) {
    }

    private static List<Plugin> plugins() throws IOException {
        List<DefinitionFile> common = PluginCheck.files(resources("common/org.liasse.common.qdis"));
        List<DefinitionFile> ministry = new ArrayList<>(PluginCheck.files(resources("ministry/org.liasse.ministry.er")));
        // The ministry's bundle carries the shared financial fiches, unpacked at build
        common.stream().filter(file -> file.path().endsWith("fiches/financieres.json")).forEach(ministry::add);
        return List.of(new Plugin("ministry.er", ministry), new Plugin("common.qdis", common),
            new Plugin("coop.enquetes", PluginCheck.files(resources("coop/org.liasse.coop.enquetes"))));
    }

    private static Path resources(String module) {
        return QUESTIONNAIRES.resolve(module).resolve("src/main/resources");
    }

    @Test
    void everyMutantOfTheRealPluginsIsLoadedOrRefusedWithALocationInBoundedTime() throws IOException {
        List<Plugin> plugins = plugins();
        for (Plugin plugin : plugins) {
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(LoadResult.Loaded.class, deploy(plugin.files()), plugin.name());
            }
        }
        int loaded = 0;
        for (int i = 0; i < MUTANTS; i++) {
            Mutant mutant = mutate(plugins, SEED + i);
            LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> timed(mutant),
                () -> "mutant hangs: " + describe(mutant));
            if (result instanceof LoadResult.Loaded) {
                loaded++;
            } else {
                checkLocated(mutant, ((LoadResult.Rejected) result).problems());
            }
        }
        assertTrue(loaded < MUTANTS, "no mutant was refused: the mutations do not reach the loader");
    }

    /** Loads a mutant, failing if it costs more than the processor-time limit or throws. */
    private LoadResult timed(Mutant mutant) {
        long start = threads.getCurrentThreadCpuTime();
        LoadResult result;
        try {
            result = deploy(mutant.files());
        } catch (Throwable e) {
            throw new AssertionError("exception escaped for " + describe(mutant), e);
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        if (spent > CPU_LIMIT_NANOS) {
            fail("mutant took " + spent / 1_000_000 + " ms of processor time: " + describe(mutant));
        }
        return result;
    }

    /** What activation does with a plugin from deploy/: load, compile each questionnaire's plan, verify a dossier. */
    private LoadResult deploy(List<DefinitionFile> files) {
        LoadResult result = loader.load(files, code -> Optional.empty());
        if (result instanceof LoadResult.Loaded loaded) {
            List<QuestionnaireDefinition> questionnaires = loaded.definitions().questionnaires();
            for (QuestionnaireDefinition questionnaire : questionnaires) {
                CompiledPlan plan = CompiledPlan.build(questionnaire, code -> questionnaires.stream()
                        .filter(other -> other.code().equals(code)).reduce((a, b) -> b),
                    List.of(new CompiledPlan.PluginRules("mutant", loaded.rules())));
                plan.evaluate(ControlData.of(Map.of()));
            }
        }
        return result;
    }

    private static void checkLocated(Mutant mutant, List<DefinitionProblem> problems) {
        Set<String> paths = mutant.files().stream().map(DefinitionFile::path).collect(Collectors.toSet());
        assertTrue(!problems.isEmpty(), () -> "refused without a problem: " + describe(mutant));
        for (DefinitionProblem problem : problems) {
            String file = problem.location().file();
            assertTrue(!problem.message().startsWith(DefinitionLoader.INTERNAL_ERROR),
                () -> problem + " for " + describe(mutant));
            assertTrue(paths.contains(file) || file.equals(DefinitionLoader.ROOT),
                () -> "problem outside the plugin's files: " + problem + " for " + describe(mutant));
            assertTrue(problem.location().line() >= 0 && problem.location().column() >= 0 && !problem.message().isBlank(),
                () -> problem + " for " + describe(mutant));
        }
    }

    private static String describe(Mutant mutant) {
        return "seed " + mutant.seed() + " (" + mutant.plugin() + ": " + mutant.description() + ")";
    }

    // ------------------------------------------------------------------ mutations

    private static Mutant mutate(List<Plugin> plugins, long seed) {
        Random random = new Random(seed);
        Plugin plugin = plugins.get(random.nextInt(plugins.size()));
        List<DefinitionFile> files = new ArrayList<>(plugin.files());
        int index = random.nextInt(files.size());
        DefinitionFile file = files.get(index);
        String text = new String(file.content(), StandardCharsets.UTF_8);
        int kind = random.nextInt(10);
        String description;
        if (kind < 5) {
            Matcher strings = STRING.matcher(text);
            List<int[]> spans = new ArrayList<>();
            while (strings.find()) {
                spans.add(new int[] {strings.start() + 1, strings.end() - 1});
            }
            if (spans.isEmpty()) {
                return mutate(plugins, seed + 1_000_000_007L);
            }
            int[] span = spans.get(random.nextInt(spans.size()));
            String content = text.substring(span[0], span[1]);
            String mutated = mutateString(content, random);
            text = text.substring(0, span[0]) + mutated + text.substring(span[1]);
            description = file.path() + " string « " + abbreviate(content) + " » → « " + abbreviate(mutated) + " »";
        } else if (kind < 7) {
            Matcher numbers = NUMBER.matcher(text);
            List<int[]> spans = new ArrayList<>();
            while (numbers.find()) {
                spans.add(new int[] {numbers.start(), numbers.end()});
            }
            if (spans.isEmpty()) {
                return mutate(plugins, seed + 1_000_000_007L);
            }
            int[] span = spans.get(random.nextInt(spans.size()));
            String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
            description = file.path() + " number " + text.substring(span[0], span[1]) + " → " + number;
            text = text.substring(0, span[0]) + number + text.substring(span[1]);
        } else if (kind < 9) {
            int at = random.nextInt(text.length() + 1);
            int operation = random.nextInt(3);
            description = file.path() + switch (operation) {
                case 0 -> " truncated at " + at;
                case 1 -> " character deleted at " + at;
                default -> " character inserted at " + at;
            };
            text = switch (operation) {
                case 0 -> text.substring(0, at);
                case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                default -> text.substring(0, at) + INSERTED.charAt(random.nextInt(INSERTED.length())) + text.substring(at);
            };
        } else {
            if (random.nextBoolean()) {
                files.remove(index);
                return new Mutant(seed, plugin.name(), file.path() + " removed", files);
            }
            files.add(new DefinitionFile(file.path().replace(".json", "-copie.json"), file.content()));
            return new Mutant(seed, plugin.name(), file.path() + " copied", files);
        }
        files.set(index, new DefinitionFile(file.path(), text.getBytes(StandardCharsets.UTF_8)));
        return new Mutant(seed, plugin.name(), description, files);
    }

    private static String mutateString(String content, Random random) {
        int at = random.nextInt(content.length() + 1);
        return switch (random.nextInt(6)) {
            case 0 -> content.substring(0, at) + FRAGMENTS.get(random.nextInt(FRAGMENTS.size())) + content.substring(at);
            case 1 -> content.substring(0, at) + content.substring(Math.min(content.length(), at + 1 + random.nextInt(8)));
            case 2 -> repeat(content, random);
            case 3 -> "(".repeat(random.nextInt(200)) + content + ")".repeat(random.nextInt(200));
            case 4 -> content.substring(0, at) + FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))
                + FRAGMENTS.get(random.nextInt(FRAGMENTS.size())) + content.substring(at);
            default -> content.isEmpty() ? content : content.substring(random.nextInt(content.length()));
        };
    }

    /** The content joined with itself by an operator, up to the 4,000 characters an expression may have. */
    private static String repeat(String content, Random random) {
        String operator = List.of(" + ", " * ", " and ", " or ").get(random.nextInt(4));
        int times = Math.max(1, Math.min(random.nextInt(2_000), 3_990 / Math.max(1, content.length() + operator.length())));
        return String.join(operator, java.util.Collections.nCopies(times, content));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 60) + "… (" + text.length() + " caractères)";
    }
}
