package org.liasse.extender;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.control.ControlChangeListener;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.definition.SyncMappingDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.RightDefinition;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.error.LiasseException;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;
import org.liasse.api.plugin.PluginActivation;
import org.liasse.api.plugin.PluginActivations;
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.plugin.PluginState;
import org.liasse.extender.definition.DefinitionFile;
import org.liasse.extender.definition.DefinitionLoader;
import org.liasse.extender.definition.LoadResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core extender: tracks the started bundles wired to the {@code liasse} extender capability, loads and
 * validates their {@code META-INF/liasse/} files as a whole, and offers the valid definitions through the
 * {@link PluginRegistry}. Which version of a plugin is active is a decision recorded in {@link PluginActivations}
 * and taken by {@link VersionChoice} whenever one of its bundles starts or stops: a restart activates the recorded
 * versions whatever the start order, deleting a deployed jar brings the previous version back, and
 * {@link #rollback} restores it on demand (recorded with its audit entry {@code plugin.retour-arriere}). When a
 * plugin stops, the decision is taken after a short grace period, so that a bundle update (stop, new content, start) swaps the old definitions for the new ones without a gap. When the
 * rules of questionnaires change, it tells every {@link ControlChangeListener} which ones. Its health is down until
 * the framework reached its start level, Karaf installed its boot features and every recorded version that is
 * installed is active.
 */
@Component(service = {PluginRegistry.class, ControlEngine.class, HealthIndicator.class}, immediate = true)
@Designate(ocd = PluginExtender.Config.class)
public class PluginExtender implements PluginRegistry, ControlEngine, HealthIndicator {

    /** Settings of the extender ({@code etc/org.liasse.extender.PluginExtender.cfg}). */
    @ObjectClassDefinition(name = "Liasse plugin extender")
    public @interface Config {

        /** Delay before the definitions of a stopped plugin are withdrawn, in milliseconds. */
        @AttributeDefinition(description = "Délai avant le retrait des définitions d'un plugin arrêté (ms)")
        long deactivation_grace_millis() default 1500;
    }

    static final String ROOT = "META-INF/liasse";
    private static final String CAPABILITY = "osgi.extender";
    private static final Logger LOG = LoggerFactory.getLogger(PluginExtender.class);
    /** The trigger of the changes told to a listener when it arrives, and the author of first decisions. */
    static final String STARTUP = "démarrage";
    /** The service Karaf registers once its boot features are installed (the plugins of a first start among them). */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    /** The author of the decision to activate a newly deployed version. */
    static final String DEPLOYMENT = "déploiement";

    private final PluginTable table = new PluginTable();
    private final DefinitionLoader loader = new DefinitionLoader();
    private final ControlPlans plans = new ControlPlans(table);
    private final List<ControlChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, ScheduledFuture<?>> pendingDecisions = new ConcurrentHashMap<>();
    /** Plugin id to the id of the bundle whose content was loaded last for it. */
    private final Map<String, Long> owners = new ConcurrentHashMap<>();
    /** Plugin id to its started bundles, by bundle id. */
    private final Map<String, Map<Long, Bundle>> started = new ConcurrentHashMap<>();
    private final PluginActivations activations;
    /** The recorded decisions, by plugin id, as last read or written. */
    private final Map<String, PluginActivation> decisions;
    private final FrameworkListener startLevel = event -> {
        if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            started.keySet().forEach(id -> decide(id, null, STARTUP));
        }
    };
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "liasse-extender");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleContext context;
    private final Bundle self;
    private final long graceMillis;
    private final BundleTracker<String> tracker;
    private volatile boolean closing;
    private volatile boolean ready;

    /** Reads the recorded decisions, then starts tracking plugin bundles. */
    @Activate
    public PluginExtender(BundleContext context, Config config, @Reference PluginActivations activations) {
        this.context = context;
        this.self = context.getBundle();
        this.graceMillis = config.deactivation_grace_millis();
        this.activations = activations;
        this.decisions = new ConcurrentHashMap<>(activations.current());
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Customizer());
        context.addFrameworkListener(startLevel);
        tracker.open();
    }

    /**
     * A listener told when the rules of questionnaires change. A listener arriving after plugins were loaded (at
     * start, or when it is restarted) is told about every questionnaire with rules, so that rules changed while it
     * was away (e.g. a plugin replaced while the server was down) are not missed; it compares them with what it
     * knows (re-verification compares rule fingerprints) and does nothing when they did not change.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ControlChangeListener listener) {
        listeners.add(listener);
        Set<String> loaded = table.signatures().keySet();
        if (!loaded.isEmpty()) {
            listener.controlsChanged(Set.copyOf(loaded), STARTUP);
        }
    }

    void removeListener(ControlChangeListener listener) {
        listeners.remove(listener);
    }

    /** Stops tracking; definitions are forgotten with the extender. */
    @Deactivate
    void deactivate() {
        closing = true;
        context.removeFrameworkListener(startLevel);
        tracker.close();
        scheduler.shutdownNow();
    }

    private final class Customizer implements BundleTrackerCustomizer<String> {

        @Override
        public String addingBundle(Bundle bundle, BundleEvent event) {
            if (!isPlugin(bundle)) {
                return null;
            }
            String id = bundle.getSymbolicName();
            ScheduledFuture<?> pending = pendingDecisions.remove(id);
            if (pending != null) {
                pending.cancel(false);
            }
            started.computeIfAbsent(id, i -> new ConcurrentHashMap<>()).put(bundle.getBundleId(), bundle);
            decide(id, bundle, author(id));
            return id;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, String id) {
            // Content changes always go through a stop and a start, handled by removed/adding.
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, String id) {
            started.getOrDefault(id, Map.of()).remove(bundle.getBundleId());
            if (closing || !owners.getOrDefault(id, -1L).equals(bundle.getBundleId())) {
                return; // another bundle (e.g. a newer version installed beside it) owns the plugin
            }
            String actor = "retrait de " + bundle.getVersion();
            pendingDecisions.put(id, scheduler.schedule(() -> {
                pendingDecisions.remove(id);
                decide(id, null, actor);
            }, graceMillis, TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Activates the version of a plugin that {@link VersionChoice} picks among its started bundles, records the
     * decision when it is one, and withdraws the definitions when no version is to be active.
     *
     * @param starting the bundle that just started (its content is loaded even if its version is already active,
     *                 as after an update), or {@code null}
     * @param actor    who or what the decision is recorded under
     */
    private synchronized void decide(String id, Bundle starting, String actor) {
        if (closing) {
            return;
        }
        Map<String, Bundle> byVersion = new TreeMap<>();
        started.getOrDefault(id, Map.of()).values().stream().sorted(Comparator.comparingLong(Bundle::getBundleId))
            .forEach(bundle -> byVersion.put(bundle.getVersion().toString(), bundle));
        if (starting != null) {
            byVersion.put(starting.getVersion().toString(), starting);
        }
        PluginActivation decision = decisions.get(id);
        Set<String> known = decision == null || byVersion.keySet().equals(Set.of(decision.version())) ? Set.of()
            : activations.knownVersions(id);
        Optional<VersionChoice.Choice> choice = VersionChoice.choose(byVersion.keySet(), decision, known,
            decision == null ? VersionChoice.Recorded.GONE : recorded(id, decision.version()));
        if (choice.isEmpty()) {
            if (owners.remove(id) != null) {
                String version = table.plugin(id).map(PluginInfo::activeVersion).orElse("");
                changing(id + " " + version + " (retiré)", () -> table.deactivated(id));
                LOG.info("Plugin {} arrêté : ses définitions sont retirées, les données saisies sont conservées", id);
            }
            return;
        }
        Bundle chosen = byVersion.get(choice.get().version());
        boolean current = owners.getOrDefault(id, -1L) == chosen.getBundleId()
            && table.plugin(id).map(info -> info.state() == PluginState.ACTIVE).orElse(false);
        if (chosen != starting && current) {
            return;
        }
        if (decision != null && !choice.get().version().equals(decision.version())) {
            LOG.info("Plugin {} : version {} retenue au lieu de {} ({})", id, choice.get().version(),
                decision.version(), actor);
        }
        owners.put(id, chosen.getBundleId());
        if (load(chosen) && choice.get().record()) {
            decisions.put(id, activations.record(id, choice.get().version(), actor));
        }
    }

    /** The author of a decision taken when a bundle of a plugin starts. */
    private String author(String id) {
        return decisions.containsKey(id) ? DEPLOYMENT : STARTUP;
    }

    /**
     * Where the bundle of a plugin's recorded version stands: {@code STARTING} while it is started (not yet seen by
     * the tracker) or meant to start before the framework reaches its start level.
     */
    private VersionChoice.Recorded recorded(String id, String version) {
        for (Bundle bundle : context.getBundles()) {
            if (id.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion().toString())
                && bundle.getState() != Bundle.UNINSTALLED) {
                BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
                boolean starting = (bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0
                    || level != null && level.isPersistentlyStarted() && !frameworkStarted();
                return starting ? VersionChoice.Recorded.STARTING : VersionChoice.Recorded.STOPPED;
            }
        }
        return VersionChoice.Recorded.GONE;
    }

    /**
     * Whether the framework reached the start level it was launched for. Karaf launches the framework at its lock
     * level and raises it afterwards: the level it aims at is in the system property, the framework property holds
     * the lock level. Felix raises the active level bundle level by bundle level, so it reaches the target only once
     * every bundle below it was started.
     */
    private boolean frameworkStarted() {
        FrameworkStartLevel level = context.getBundle(0).adapt(FrameworkStartLevel.class);
        return level.getStartLevel() >= Math.max(startLevel(System.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL)),
            startLevel(context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL)));
    }

    private static int startLevel(String value) {
        return value == null || value.isBlank() ? 1 : Integer.parseInt(value.strip());
    }

    private boolean isPlugin(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(CAPABILITY)) {
            if ("liasse".equals(wire.getCapability().getAttributes().get(CAPABILITY))
                && wire.getProvider().getBundle().equals(self)) {
                return true;
            }
        }
        return false;
    }

    /** Loads a bundle's definitions; {@code true} when they are valid and now active. */
    private boolean load(Bundle bundle) {
        String id = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        LoadResult result;
        try {
            result = loader.load(files(bundle), code -> table.latest(code, id));
        } catch (IOException e) {
            result = new LoadResult.Rejected(List.of(new DefinitionProblem(new SourceLocation(ROOT, 0, 0),
                "Lecture impossible des fichiers du plugin : " + e.getMessage())));
        }
        if (result instanceof LoadResult.Loaded loaded) {
            changing(id + " " + version, () -> table.loaded(id, version, loaded.definitions(), loaded.rules()));
            LOG.info("Plugin {} {} actif : {} questionnaire(s), {} contrôle(s), {} agrégat(s), {} rapport(s)", id,
                version, loaded.definitions().questionnaires().size(), loaded.definitions().controls().size(),
                loaded.definitions().aggregates().size(), loaded.definitions().reports().size());
            retryRejected(id);
            return true;
        }
        List<DefinitionProblem> problems = ((LoadResult.Rejected) result).problems();
        table.rejected(id, version, problems);
        LOG.warn("Plugin {} {} refusé : {}", id, version, problems);
        return false;
    }

    /**
     * Loads again the plugins refused so far, once another plugin was loaded: a plugin refused because it names a
     * questionnaire or a cell of a plugin that was not there yet (e.g. both installed from {@code deploy/} at start,
     * in any order) becomes active as soon as that plugin is. A plugin refused for another reason is refused again.
     */
    private void retryRejected(String loadedId) {
        tracker.getTracked().forEach((bundle, id) -> {
            if (!id.equals(loadedId) && owners.getOrDefault(id, -1L) == bundle.getBundleId()
                && table.plugin(id).map(info -> info.state() == PluginState.REJECTED).orElse(false)) {
                LOG.info("Plugin {} refusé : nouvel essai après le chargement de {}", id, loadedId);
                decide(id, bundle, author(id));
            }
        });
    }

    /** Applies a change to the table, then tells the listeners the questionnaires whose rules it changed. */
    private void changing(String trigger, Runnable change) {
        Map<String, List<String>> before = table.signatures();
        change.run();
        Set<String> changed = PluginTable.changed(before, table.signatures());
        if (changed.isEmpty()) {
            return;
        }
        LOG.info("Contrôles modifiés par {} : {}", trigger, changed);
        for (ControlChangeListener listener : listeners) {
            try {
                listener.controlsChanged(Set.copyOf(changed), trigger);
            } catch (RuntimeException e) {
                LOG.error("Un destinataire des changements de contrôles a échoué", e);
            }
        }
    }

    private static List<DefinitionFile> files(Bundle bundle) throws IOException {
        List<DefinitionFile> files = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(ROOT, "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
            if (!path.endsWith("/")) {
                try (InputStream in = url.openStream()) {
                    files.add(new DefinitionFile(path, in.readAllBytes()));
                }
            }
        }
        return files;
    }

    @Override
    public synchronized List<PluginInfo> plugins() {
        return table.plugins().stream().map(this::withDecision).toList();
    }

    @Override
    public synchronized Optional<PluginInfo> plugin(String id) {
        return table.plugin(id).map(this::withDecision);
    }

    @Override
    public synchronized PluginInfo rollback(String id, String actor) {
        if (table.plugin(id).isEmpty()) {
            throw LiasseException.notFound("plugin-inconnu", "Aucun plugin « " + id + " ».");
        }
        PluginActivation decision = decisions.get(id);
        String previous = decision == null ? null : decision.previousVersion();
        if (previous == null) {
            throw LiasseException.conflict("aucune-version-precedente", "Le plugin " + id
                + " n'a pas de version précédente à rétablir.");
        }
        Bundle bundle = started.getOrDefault(id, Map.of()).values().stream()
            .filter(b -> b.getVersion().toString().equals(previous)).findFirst()
            .orElseThrow(() -> LiasseException.conflict("version-precedente-absente", "La version précédente "
                + previous + " du plugin " + id + " n'est plus installée ou n'est pas démarrée : installez-la puis "
                + "recommencez."));
        if (!load(bundle)) {
            throw new LiasseException(422, "version-precedente-refusee", "La version précédente " + previous
                + " du plugin " + id + " est refusée : voir ses problèmes dans la liste des plugins.");
        }
        owners.put(id, bundle.getBundleId());
        decisions.put(id, activations.record(id, previous, actor, new AuditEvent("plugin.retour-arriere", actor, null,
            null, id, previous)));
        LOG.info("Plugin {} : retour à la version {} demandé par {}", id, previous, actor);
        return plugin(id).orElseThrow();
    }

    private PluginInfo withDecision(PluginInfo info) {
        PluginActivation decision = decisions.get(info.id());
        return decision == null ? info : new PluginInfo(info.id(), info.version(), info.state(), info.activeVersion(),
            info.problems(), info.questionnaires(), info.controls(), info.reports(), decision.version(),
            decision.previousVersion(), decision.activatedBy(), decision.activatedAt());
    }

    @Override
    public Optional<QuestionnaireDefinition> questionnaire(String code, String version) {
        return table.questionnaire(code, version);
    }

    @Override
    public Optional<QuestionnaireDefinition> questionnaireForYear(String code, int year) {
        return table.questionnaireForYear(code, year);
    }

    @Override
    public List<RightDefinition> rights() {
        return table.rights();
    }

    @Override
    public List<QuestionnaireDefinition> questionnaireVersions(String code) {
        return table.questionnaireVersions(code);
    }

    @Override
    public List<MappingDefinition> mappings(String questionnaireCode) {
        return table.mappings(questionnaireCode);
    }

    @Override
    public List<SyncMappingDefinition> syncMappings(String questionnaireCode) {
        return table.syncMappings(questionnaireCode);
    }

    @Override
    public List<ReportDefinition> reports() {
        return table.reports();
    }

    @Override
    public List<ControlDefinition> controls(String questionnaireCode) {
        return table.controls(questionnaireCode);
    }

    @Override
    public WorkflowDefinition workflow(String questionnaireCode) {
        return table.workflow(questionnaireCode);
    }

    @Override
    public Optional<ControlPlan> plan(String questionnaireCode, String questionnaireVersion) {
        return plans.plan(questionnaireCode, questionnaireVersion);
    }

    @Override
    public String component() {
        return "extender";
    }

    /**
     * Down while the server starts: until the framework reached its start level, Karaf installed its boot features
     * and every recorded version whose bundle is installed is active (or refused). Up from then on.
     */
    @Override
    public HealthStatus check() {
        if (!ready) {
            List<String> awaited = decisions.values().stream()
                .filter(d -> !table.plugin(d.plugin()).map(info -> d.version().equals(info.activeVersion())
                    || info.state() == PluginState.REJECTED).orElse(false))
                .filter(d -> recorded(d.plugin(), d.version()) == VersionChoice.Recorded.STARTING)
                .map(d -> d.plugin() + " " + d.version()).sorted().collect(Collectors.toList());
            if (!frameworkStarted() || context.getServiceReference(BOOT_FINISHED) == null || !awaited.isEmpty()) {
                return HealthStatus.down("Le serveur démarre" + (awaited.isEmpty() ? "."
                    : " : en attente des plugins " + String.join(", ", awaited) + "."));
            }
            ready = true;
            LOG.info("Extender prêt : versions enregistrées actives {}", decisions.values().stream()
                .map(d -> d.plugin() + " " + d.version()).sorted().toList());
        }
        long rejected = table.count(PluginState.REJECTED);
        long inactive = table.count(PluginState.INACTIVE);
        return HealthStatus.up(FrenchFormat.count(table.count(PluginState.ACTIVE), "plugin actif", "plugins actifs") + ", "
            + rejected + " " + FrenchFormat.agree(rejected, "refusé", "refusés") + ", "
            + inactive + " " + FrenchFormat.agree(inactive, "inactif", "inactifs"));
    }
}
