package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.RightDefinition;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.definition.SyncMappingDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.identity.Rights;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Reads and validates, as a whole, the definition files a plugin bundle carries under {@code META-INF/liasse/}:
 * {@code questionnaires/*.json}, {@code controls/*.json}, {@code reports/*.json}, {@code rights/*.json},
 * {@code mappings/*.json}, {@code workflows/*.json}, {@code sync/*.json}, {@code examples/*.json} (run against the
 * controls: a failing example rejects the plugin) and
 * {@code messages/messages_<locale>.properties}. Either every definition is valid, or the plugin is rejected
 * with every problem found. Instances are immutable and thread-safe.
 */
public final class DefinitionLoader {

    /** Folder of the definition files inside a plugin bundle. */
    public static final String ROOT = "META-INF/liasse/";

    /** Start of the problem that refuses a plugin whose reading failed inside the loader: a bug to report. */
    public static final String INTERNAL_ERROR = "erreur interne en lisant le plugin, à signaler : ";

    private static final String NO_DEFINITION =
            "aucune définition : le plugin ne déclare ni questionnaire, ni contrôle, ni rapport, ni message";
    private static final String MESSAGES_PREFIX = "messages_";
    private static final String MESSAGES_SUFFIX = ".properties";
    private static final Comparator<DefinitionProblem> BY_LOCATION = Comparator
            .comparing((DefinitionProblem problem) -> problem.location().file())
            .thenComparingInt(problem -> problem.location().line())
            .thenComparingInt(problem -> problem.location().column());

    /** The kinds of definition files, recognised by their path. */
    private enum Kind {
        QUESTIONNAIRE("questionnaires/[^/]+\\.json"),
        SHARED_FICHES("fiches/[^/]+\\.json"),
        CONTROLS("controls/[^/]+\\.json"),
        REPORTS("reports/[^/]+\\.json"),
        RIGHTS("rights/[^/]+\\.json"),
        MAPPINGS("mappings/[^/]+\\.json"),
        WORKFLOWS("workflows/[^/]+\\.json"),
        SYNC("sync/[^/]+\\.json"),
        EXAMPLES("examples/[^/]+\\.json"),
        MESSAGES("messages/messages_[a-z]{2,3}(?:_[A-Z]{2})?\\.properties");

        private final Pattern path;

        Kind(String relativePath) {
            this.path = Pattern.compile(Pattern.quote(ROOT) + relativePath);
        }
    }

    private final SchemaValidator questionnaireSchema;
    private final SchemaValidator sharedFichesSchema;
    private final SchemaValidator controlsSchema;
    private final SchemaValidator reportsSchema;
    private final SchemaValidator rightsSchema;
    private final SchemaValidator mappingsSchema;
    private final SchemaValidator examplesSchema;
    private final SchemaValidator workflowsSchema;
    private final SchemaValidator syncSchema;

    /**
     * Creates a loader, reading the JSON schemas from this bundle's classpath.
     *
     * @throws IllegalStateException if a schema is missing or malformed, which is a packaging error
     */
    public DefinitionLoader() {
        questionnaireSchema = SchemaValidator.fromClasspath("/schemas/questionnaire.schema.json");
        sharedFichesSchema = questionnaireSchema.definition("sharedFiches");
        controlsSchema = SchemaValidator.fromClasspath("/schemas/controls.schema.json");
        reportsSchema = SchemaValidator.fromClasspath("/schemas/reports.schema.json");
        rightsSchema = SchemaValidator.fromClasspath("/schemas/rights.schema.json");
        mappingsSchema = SchemaValidator.fromClasspath("/schemas/mappings.schema.json");
        examplesSchema = SchemaValidator.fromClasspath("/schemas/examples.schema.json");
        workflowsSchema = SchemaValidator.fromClasspath("/schemas/workflows.schema.json");
        syncSchema = SchemaValidator.fromClasspath("/schemas/sync.schema.json");
    }

    /**
     * Reads and validates the definition files of one plugin. Never throws for invalid content.
     *
     * @param files                   the plugin's files under {@code META-INF/liasse/}; folder entries are ignored
     * @param installedQuestionnaires latest version of a questionnaire declared by another active plugin, by code;
     *                                the plugin's own questionnaires take precedence
     * @return the definitions, or every problem found sorted by file, line and column; a fault of the loader itself
     *         refuses the plugin with {@link #INTERNAL_ERROR} rather than escaping to the caller's thread
     */
    public LoadResult load(List<DefinitionFile> files,
                           Function<String, Optional<QuestionnaireDefinition>> installedQuestionnaires) {
        try {
            return read(files, installedQuestionnaires);
        } catch (RuntimeException | StackOverflowError e) {
            return new LoadResult.Rejected(List.of(new DefinitionProblem(new SourceLocation(ROOT, 0, 0),
                    INTERNAL_ERROR + e)));
        }
    }

    private LoadResult read(List<DefinitionFile> files,
                            Function<String, Optional<QuestionnaireDefinition>> installedQuestionnaires) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<Kind, List<DefinitionFile>> byKind = classify(files, problems);
        if (byKind.values().stream().allMatch(List::isEmpty)) {
            problems.add(new DefinitionProblem(new SourceLocation(ROOT, 0, 0), NO_DEFINITION));
        }
        Set<String> invalidCodes = new HashSet<>();
        SharedFiches shared = new SharedFiches();
        for (DefinitionFile file : byKind.get(Kind.SHARED_FICHES)) {
            FileProblems fileProblems = new FileProblems(file.path(), problems);
            JsonTreeReader.read(file.content(), fileProblems)
                    .filter(tree -> sharedFichesSchema.validate(tree.root(), fileProblems))
                    .ifPresent(tree -> shared.add(tree, fileProblems));
        }
        List<QuestionnaireDefinition> questionnaires =
                questionnaires(byKind.get(Kind.QUESTIONNAIRE), shared, problems, invalidCodes);
        QuestionnaireCatalog catalog = new QuestionnaireCatalog(questionnaires, invalidCodes, installedQuestionnaires);
        ControlReader controlReader = new ControlReader(catalog);
        readAll(byKind.get(Kind.CONTROLS), controlsSchema, problems, controlReader::read);
        ControlReader.Compiled compiled = controlReader.compile();
        List<ReportDefinition> reports =
                readAll(byKind.get(Kind.REPORTS), reportsSchema, problems,
                        new ReportReader(catalog, compiled.aggregates())::read);
        List<RightDefinition> rights =
                readAll(byKind.get(Kind.RIGHTS), rightsSchema, problems, new RightReader()::read);
        List<MappingDefinition> mappings =
                readAll(byKind.get(Kind.MAPPINGS), mappingsSchema, problems, new MappingReader(catalog)::read);
        Set<String> ownRights = rights.stream().map(RightDefinition::code).collect(Collectors.toSet());
        List<WorkflowDefinition> workflows = readAll(byKind.get(Kind.WORKFLOWS), workflowsSchema, problems,
                new WorkflowReader(catalog, right -> Rights.core(right) || ownRights.contains(right))::read);
        List<SyncMappingDefinition> syncMappings =
                readAll(byKind.get(Kind.SYNC), syncSchema, problems, new SyncMappingReader(catalog)::read);
        Map<String, Map<String, String>> messages = new TreeMap<>();
        for (DefinitionFile file : byKind.get(Kind.MESSAGES)) {
            messages.put(locale(file), MessagesReader.read(file.content(), new FileProblems(file.path(), problems)));
        }
        List<String> examples = new ArrayList<>();
        if (problems.isEmpty()) {
            ExampleRunner runner = new ExampleRunner(catalog, compiled.rules());
            examples = readAll(byKind.get(Kind.EXAMPLES), examplesSchema, problems, runner::run);
        } else {
            readAll(byKind.get(Kind.EXAMPLES), examplesSchema, problems, (tree, fileProblems) -> List.of());
        }
        if (problems.isEmpty()) {
            return new LoadResult.Loaded(new PluginDefinitions(questionnaires, compiled.controls(), reports, rights,
                    mappings, messages, compiled.aggregates(), workflows, syncMappings), compiled.rules(), examples);
        }
        // A shared fiche named by two questionnaires reports its problems twice: once is enough.
        return new LoadResult.Rejected(problems.stream().distinct().sorted(BY_LOCATION).toList());
    }

    private List<QuestionnaireDefinition> questionnaires(List<DefinitionFile> files, SharedFiches shared,
                                                         List<DefinitionProblem> problems, Set<String> invalidCodes) {
        List<QuestionnaireDefinition> questionnaires = new ArrayList<>();
        UniqueCodes versions = new UniqueCodes();
        for (DefinitionFile file : files) {
            FileProblems fileProblems = new FileProblems(file.path(), problems);
            int before = problems.size();
            Optional<JsonTree> tree = JsonTreeReader.read(file.content(), fileProblems);
            Optional<QuestionnaireDefinition> read = tree
                    .filter(valid -> questionnaireSchema.validate(valid.root(), fileProblems))
                    .map(valid -> QuestionnaireReader.read(valid, fileProblems, shared));
            read.ifPresent(questionnaire -> versions.claim(questionnaire.code() + " " + questionnaire.version(),
                    questionnaire.location(), fileProblems, "questionnaire « " + questionnaire.code()
                            + " » version « " + questionnaire.version() + " » en double"));
            if (problems.size() == before) {
                read.ifPresent(questionnaires::add);
            } else {
                tree.flatMap(DefinitionLoader::declaredCode).ifPresent(invalidCodes::add);
            }
        }
        return questionnaires;
    }

    private static <T> List<T> readAll(List<DefinitionFile> files, SchemaValidator schema,
                                       List<DefinitionProblem> problems,
                                       BiFunction<JsonTree, FileProblems, List<T>> reader) {
        List<T> definitions = new ArrayList<>();
        for (DefinitionFile file : files) {
            FileProblems fileProblems = new FileProblems(file.path(), problems);
            JsonTreeReader.read(file.content(), fileProblems)
                    .filter(tree -> schema.validate(tree.root(), fileProblems))
                    .ifPresent(tree -> definitions.addAll(reader.apply(tree, fileProblems)));
        }
        return definitions;
    }

    private static Optional<String> declaredCode(JsonTree tree) {
        return Optional.of(tree.root()).filter(JsonObject.class::isInstance)
                .flatMap(root -> ((JsonObject) root).get("code"))
                .filter(JsonString.class::isInstance).map(code -> ((JsonString) code).value());
    }

    private static Map<Kind, List<DefinitionFile>> classify(List<DefinitionFile> files,
                                                             List<DefinitionProblem> problems) {
        Map<Kind, List<DefinitionFile>> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        files.stream().filter(file -> !file.path().endsWith("/"))
                .sorted(Comparator.comparing(DefinitionFile::path))
                .forEach(file -> kindOf(file.path()).ifPresentOrElse(kind -> byKind.get(kind).add(file),
                        () -> new FileProblems(file.path(), problems).addToFile("fichier inattendu : seuls "
                                + "questionnaires/*.json, fiches/*.json, controls/*.json, reports/*.json, rights/*.json, "
                                + "mappings/*.json, workflows/*.json, sync/*.json, examples/*.json et "
                                + "messages/messages_<langue>.properties sont acceptés sous " + ROOT)));
        return byKind;
    }

    private static Optional<Kind> kindOf(String path) {
        for (Kind kind : Kind.values()) {
            if (kind.path.matcher(path).matches()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The locale of a messages file, e.g. {@code fr} for {@code messages_fr.properties}. */
    private static String locale(DefinitionFile file) {
        String path = file.path();
        return path.substring(path.lastIndexOf(MESSAGES_PREFIX) + MESSAGES_PREFIX.length(),
                path.length() - MESSAGES_SUFFIX.length());
    }
}
