package org.liasse.extender;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.plugin.PluginState;
import org.liasse.extender.definition.DefinitionFile;
import org.liasse.extender.definition.DefinitionLoader;
import org.liasse.extender.definition.LoadResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
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
 * {@link PluginRegistry}. When a plugin stops, its definitions are withdrawn after a short grace period, so that a
 * bundle update (stop, new content, start) swaps the old definitions for the new ones without a gap. When the rules
 * of questionnaires change, it tells every {@link ControlChangeListener} which ones.
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
    /** The trigger of the changes told to a listener when it arrives. */
    static final String STARTUP = "démarrage";

    private final PluginTable table = new PluginTable();
    private final DefinitionLoader loader = new DefinitionLoader();
    private final ControlPlans plans = new ControlPlans(table);
    private final List<ControlChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, ScheduledFuture<?>> pendingDeactivations = new ConcurrentHashMap<>();
    /** Plugin id to the id of the bundle whose content was loaded last for it. */
    private final Map<String, Long> owners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "liasse-extender");
        thread.setDaemon(true);
        return thread;
    });
    private final Bundle self;
    private final long graceMillis;
    private final BundleTracker<String> tracker;
    private volatile boolean closing;

    /** Starts tracking plugin bundles. */
    @Activate
    public PluginExtender(BundleContext context, Config config) {
        this.self = context.getBundle();
        this.graceMillis = config.deactivation_grace_millis();
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Customizer());
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
            ScheduledFuture<?> pending = pendingDeactivations.remove(id);
            if (pending != null) {
                pending.cancel(false);
            }
            owners.put(id, bundle.getBundleId());
            load(bundle);
            return id;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, String id) {
            // Content changes always go through a stop and a start, handled by removed/adding.
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, String id) {
            if (closing || !owners.remove(id, bundle.getBundleId())) {
                return; // another bundle (e.g. a newer version installed beside it) owns the plugin now
            }
            pendingDeactivations.put(id, scheduler.schedule(() -> {
                pendingDeactivations.remove(id);
                String version = table.plugin(id).map(PluginInfo::activeVersion).orElse("");
                changing(id + " " + version + " (retiré)", () -> table.deactivated(id));
                LOG.info("Plugin {} arrêté : ses définitions sont retirées, les données saisies sont conservées", id);
            }, graceMillis, TimeUnit.MILLISECONDS));
        }
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

    private void load(Bundle bundle) {
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
        } else if (result instanceof LoadResult.Rejected rejected) {
            table.rejected(id, version, rejected.problems());
            LOG.warn("Plugin {} {} refusé : {}", id, version, rejected.problems());
        }
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
                load(bundle);
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
    public List<PluginInfo> plugins() {
        return table.plugins();
    }

    @Override
    public Optional<PluginInfo> plugin(String id) {
        return table.plugin(id);
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

    @Override
    public HealthStatus check() {
        return HealthStatus.up(table.count(PluginState.ACTIVE) + " plugin(s) actif(s), "
            + table.count(PluginState.REJECTED) + " refusé(s), " + table.count(PluginState.INACTIVE) + " inactif(s)");
    }
}
