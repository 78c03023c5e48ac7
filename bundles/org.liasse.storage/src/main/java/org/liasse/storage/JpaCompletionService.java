package org.liasse.storage;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.workflow.Completion;
import org.liasse.api.workflow.CompletionQuery;
import org.liasse.api.workflow.CompletionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The completion dashboard read in a handful of bulk SQL queries ({@link Dashboard}), lateness counted today. */
@Component(service = CompletionService.class)
public class JpaCompletionService implements CompletionService {

    private final JpaStore store;
    private final CampaignService campaigns;
    private final PluginRegistry plugins;

    /** Uses the shared database, the campaigns' deadlines and the plugins' workflows. */
    @Activate
    public JpaCompletionService(@Reference JpaStore store, @Reference CampaignService campaigns,
                                @Reference PluginRegistry plugins) {
        this.store = store;
        this.campaigns = campaigns;
        this.plugins = plugins;
    }

    @Override
    public Completion completion(int year, CompletionQuery query) {
        Campaign campaign = campaigns.find(year).orElseThrow(() -> LiasseException.notFound("campagne-inconnue",
            "Aucune campagne pour l'exercice " + year + "."));
        LocalDate today = LocalDate.now(Dashboard.PARIS);
        Map<String, Optional<QuestionnaireDefinition>> definitions = new HashMap<>();
        Function<String, Optional<QuestionnaireDefinition>> definition = code -> definitions.computeIfAbsent(code,
            c -> plugins.questionnaireForYear(c, year));
        BiPredicate<String, String> files = (code, type) -> definition.apply(code)
            .map(questionnaire -> questionnaire.appliesTo(type)).orElse(true);
        BiPredicate<String, String> voluntary = (code, type) -> definition.apply(code)
            .map(questionnaire -> questionnaire.voluntaryFor(type)).orElse(false);
        return store.inJdbcTransaction(connection -> Dashboard.build(connection, campaign, plugins::workflow, files,
            voluntary, query, today));
    }
}
