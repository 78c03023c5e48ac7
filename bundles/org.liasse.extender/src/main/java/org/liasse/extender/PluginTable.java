package org.liasse.extender;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.liasse.api.definition.AggregateDefinition;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.RightDefinition;
import org.liasse.api.definition.SyncMappingDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginState;
import org.liasse.api.plugin.QuestionnaireRef;
import org.liasse.extender.control.CompiledPlan;
import org.liasse.extender.control.RuleSet;

/**
 * The state of every plugin seen since start. Writers replace the whole table at once, so a reader always sees
 * either the old or the new definitions of a plugin, never a mix.
 */
final class PluginTable {

    /** One plugin: what was last seen and what is in use. */
    private record Entry(String id, String version, PluginState state, List<DefinitionProblem> problems,
                         String activeVersion, PluginDefinitions active, RuleSet rules) {
    }

    private volatile Map<String, Entry> entries = Map.of();

    /** A plugin version whose definitions are valid becomes the active one. */
    synchronized void loaded(String id, String version, PluginDefinitions definitions, RuleSet rules) {
        put(new Entry(id, version, PluginState.ACTIVE, List.of(), version, definitions, rules));
    }

    /** A plugin version without controls or aggregates becomes the active one. */
    void loaded(String id, String version, PluginDefinitions definitions) {
        loaded(id, version, definitions, RuleSet.EMPTY);
    }

    /** A plugin version was refused; the version active before it, if any, stays in use. */
    synchronized void rejected(String id, String version, List<DefinitionProblem> problems) {
        Entry previous = entries.get(id);
        put(previous == null
            ? new Entry(id, version, PluginState.REJECTED, problems, null, null, null)
            : new Entry(id, version, PluginState.REJECTED, problems, previous.activeVersion(), previous.active(),
                previous.rules()));
    }

    /** The plugin stopped: its definitions are no longer offered. */
    synchronized void deactivated(String id) {
        Entry previous = entries.get(id);
        if (previous != null) {
            put(new Entry(id, previous.version(), PluginState.INACTIVE, previous.problems(), null, null, null));
        }
    }

    private void put(Entry entry) {
        Map<String, Entry> copy = new TreeMap<>(entries);
        copy.put(entry.id(), entry);
        entries = Map.copyOf(copy);
    }

    List<PluginInfo> plugins() {
        return entries.values().stream().sorted(Comparator.comparing(Entry::id)).map(PluginTable::info).toList();
    }

    Optional<PluginInfo> plugin(String id) {
        return Optional.ofNullable(entries.get(id)).map(PluginTable::info);
    }

    /** Active questionnaires of every plugin but one (pass {@code null} to exclude none). */
    Stream<QuestionnaireDefinition> questionnaires(String excludedPlugin) {
        return entries.values().stream()
            .filter(e -> e.active() != null && !e.id().equals(excludedPlugin))
            .flatMap(e -> e.active().questionnaires().stream());
    }

    Optional<QuestionnaireDefinition> questionnaire(String code, String version) {
        return questionnaires(null).filter(q -> q.code().equals(code) && q.version().equals(version)).findFirst();
    }

    /** The highest active version of a questionnaire among all plugins but one. */
    Optional<QuestionnaireDefinition> latest(String code, String excludedPlugin) {
        return questionnaires(excludedPlugin).filter(q -> q.code().equals(code)).max(VERSION_ORDER);
    }

    Optional<QuestionnaireDefinition> questionnaireForYear(String code, int year) {
        return questionnaires(null).filter(q -> q.code().equals(code) && q.years().contains(year)).max(VERSION_ORDER);
    }

    List<QuestionnaireDefinition> questionnaireVersions(String code) {
        return questionnaires(null).filter(q -> q.code().equals(code)).sorted(VERSION_ORDER).toList();
    }

    List<MappingDefinition> mappings(String questionnaireCode) {
        return active(PluginDefinitions::mappings).filter(m -> m.questionnaire().equals(questionnaireCode)).toList();
    }

    List<SyncMappingDefinition> syncMappings(String questionnaireCode) {
        return active(PluginDefinitions::syncMappings).filter(m -> m.questionnaire().equals(questionnaireCode)).toList();
    }

    /** The definitions of one kind declared by the active plugins. */
    private <T> Stream<T> active(Function<PluginDefinitions, List<T>> kind) {
        return entries.values().stream().filter(e -> e.active() != null).flatMap(e -> kind.apply(e.active()).stream());
    }

    List<RightDefinition> rights() {
        return entries.values().stream().filter(e -> e.active() != null).flatMap(e -> e.active().rights().stream()).toList();
    }

    List<ReportDefinition> reports() {
        return entries.values().stream().filter(e -> e.active() != null).sorted(Comparator.comparing(Entry::id))
            .flatMap(e -> e.active().reports().stream()).toList();
    }

    List<ControlDefinition> controls(String questionnaireCode) {
        return active(PluginDefinitions::controls).filter(c -> c.questionnaire().equals(questionnaireCode)).toList();
    }

    /** The workflow an active plugin declares for a questionnaire (the first plugin by id), else the standard one. */
    WorkflowDefinition workflow(String questionnaireCode) {
        return entries.values().stream().filter(e -> e.active() != null)
            .sorted(Comparator.comparing(Entry::id))
            .flatMap(e -> e.active().workflows().stream())
            .filter(w -> w.questionnaire().equals(questionnaireCode)).findFirst()
            .orElseGet(() -> WorkflowDefinition.standard(questionnaireCode));
    }

    /** Changes whenever a plugin is activated, rejected or withdrawn: compiled plans are rebuilt then. */
    Object revision() {
        return entries;
    }

    /** The parsed rules of the active plugins that concern a questionnaire, by plugin id, with their version. */
    List<CompiledPlan.PluginRules> rules(String questionnaireCode) {
        return entries.values().stream()
            .filter(e -> e.active() != null && e.rules() != null && e.rules().concerns(questionnaireCode))
            .sorted(Comparator.comparing(Entry::id))
            .map(e -> new CompiledPlan.PluginRules(e.id() + " " + e.activeVersion(), e.rules())).toList();
    }

    /**
     * The signatures of the active controls and aggregates of every questionnaire, by questionnaire code, in plugin
     * order: two tables with the same signatures for a questionnaire give it the same rules.
     */
    Map<String, List<String>> signatures() {
        Map<String, List<String>> signatures = new TreeMap<>();
        entries.values().stream().filter(e -> e.active() != null && e.rules() != null)
            .sorted(Comparator.comparing(Entry::id))
            .forEach(e -> e.rules().questionnaires().forEach(code -> signatures
                .computeIfAbsent(code, c -> new ArrayList<>()).addAll(e.rules().signatures(code))));
        return signatures;
    }

    /** The questionnaires whose rules differ between two {@link #signatures()}. */
    static Set<String> changed(Map<String, List<String>> before, Map<String, List<String>> after) {
        Set<String> changed = new TreeSet<>(before.keySet());
        changed.addAll(after.keySet());
        changed.removeIf(code -> before.getOrDefault(code, List.of()).equals(after.getOrDefault(code, List.of())));
        return changed;
    }

    List<AggregateDefinition> aggregates(String questionnaireCode) {
        return entries.values().stream().filter(e -> e.active() != null)
            .flatMap(e -> e.active().aggregates().stream())
            .filter(a -> a.questionnaire().equals(questionnaireCode)).toList();
    }

    long count(PluginState state) {
        return entries.values().stream().filter(e -> e.state() == state).count();
    }

    private static PluginInfo info(Entry entry) {
        PluginDefinitions active = entry.active();
        List<QuestionnaireRef> questionnaires = active == null ? List.of()
            : active.questionnaires().stream().map(q -> new QuestionnaireRef(q.code(), q.version())).toList();
        List<String> reports = active == null ? List.of() : active.reports().stream().map(ReportDefinition::code).toList();
        return new PluginInfo(entry.id(), entry.version(), entry.state(), entry.activeVersion(), entry.problems(),
            questionnaires, active == null ? 0 : active.controls().size(), reports, null, null, null, null);
    }

    /** Orders versions such as {@code 2025.1} < {@code 2025.10} numerically, part by part. */
    static final Comparator<QuestionnaireDefinition> VERSION_ORDER = (a, b) -> compareVersions(a.version(), b.version());

    static int compareVersions(String a, String b) {
        List<Long> left = parts(a);
        List<Long> right = parts(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            long l = i < left.size() ? left.get(i) : 0;
            long r = i < right.size() ? right.get(i) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static List<Long> parts(String version) {
        List<Long> parts = new ArrayList<>();
        for (String part : version.split("\\.")) {
            try {
                parts.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                parts.add(0L);
            }
        }
        return parts;
    }
}
