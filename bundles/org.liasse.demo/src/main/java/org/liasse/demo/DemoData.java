package org.liasse.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: loads one open campaign and three fictional organisations of different types, then, once the
 * partner's questionnaire is active, one dossier per organisation. Idempotent: nothing is loaded twice.
 * Every name and number here is invented; SIRENs use the never-allocated {@code 000} prefix.
 */
@Component(configurationPid = "org.liasse.demo", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoData.Config.class)
public class DemoData {

    /** Settings of demo mode ({@code etc/org.liasse.demo.cfg}). */
    @ObjectClassDefinition(name = "Liasse demo mode")
    public @interface Config {

        /** Whether to load demo data. */
        @AttributeDefinition(description = "Charger les données de démonstration")
        boolean enabled() default false;

        /** Code of the partner's questionnaire to open demo dossiers for. */
        @AttributeDefinition(description = "Questionnaire des dossiers de démonstration")
        String questionnaire() default "ER";
    }

    static final int YEAR = 2025;
    static final List<Organisation> ORGANISATIONS = List.of(
        new Organisation("000000018", "Office public de l'habitat du Val Fictif (FICTIF)", "OPH", "69", true),
        new Organisation("000000026", "ESH Les Tilleuls Imaginaires (FICTIF)", "ESH", "33", true),
        new Organisation("000000034", "Coop'Hlm des Trois Vallées (FICTIF)", "COOP", "38", true));

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final int ATTEMPTS = 120;

    private final OrganisationService organisations;
    private final CampaignService campaigns;
    private final DossierService dossiers;
    private final PluginRegistry plugins;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    /** Loads the demo data when enabled. */
    @Activate
    public DemoData(Config config, @Reference OrganisationService organisations, @Reference CampaignService campaigns,
                    @Reference DossierService dossiers, @Reference PluginRegistry plugins) {
        this.organisations = organisations;
        this.campaigns = campaigns;
        this.dossiers = dossiers;
        this.plugins = plugins;
        if (config.enabled()) {
            loadReferenceData();
            scheduler.execute(() -> openDossiers(config.questionnaire(), ATTEMPTS));
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private void loadReferenceData() {
        if (campaigns.find(YEAR).isEmpty()) {
            campaigns.create(new Campaign(YEAR, "Campagne " + YEAR + " (démonstration)", LocalDate.of(YEAR + 1, 4, 1),
                LocalDate.of(YEAR + 1, 7, 31), CampaignState.OPEN));
        }
        for (Organisation organisation : ORGANISATIONS) {
            if (organisations.find(organisation.siren()).isEmpty()) {
                organisations.create(organisation);
            }
        }
        LOG.info("Mode démonstration : campagne {} ouverte, {} organisations fictives", YEAR, ORGANISATIONS.size());
    }

    private void openDossiers(String questionnaire, int attemptsLeft) {
        if (plugins.questionnaireForYear(questionnaire, YEAR).isEmpty()) {
            if (attemptsLeft > 0) {
                scheduler.schedule(() -> openDossiers(questionnaire, attemptsLeft - 1), 1, TimeUnit.SECONDS);
            } else {
                LOG.warn("Mode démonstration : aucun questionnaire {} actif pour {}, pas de dossier créé", questionnaire, YEAR);
            }
            return;
        }
        for (Organisation organisation : ORGANISATIONS) {
            boolean exists = dossiers.listForOrganisation(organisation.siren()).stream()
                .anyMatch(d -> d.year() == YEAR && d.questionnaireCode().equals(questionnaire));
            if (!exists) {
                dossiers.create(organisation.siren(), YEAR, questionnaire);
            }
        }
        LOG.info("Mode démonstration : dossiers {} {} ouverts", questionnaire, YEAR);
    }
}
