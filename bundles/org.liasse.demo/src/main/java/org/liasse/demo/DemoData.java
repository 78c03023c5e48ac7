package org.liasse.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.liasse.api.control.ControlOutcome;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.CreatedOrganisation;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.CreatedAccount;
import org.liasse.api.identity.NewAccount;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.transmission.MatrixRule;
import org.liasse.api.transmission.Recipient;
import org.liasse.api.transmission.RecipientKind;
import org.liasse.api.transmission.RuleKind;
import org.liasse.api.transmission.TransmissionService;
import org.liasse.api.verification.VerificationService;
import org.liasse.api.workflow.Attestation;
import org.liasse.api.workflow.WorkflowService;
import org.liasse.api.workflow.WorkflowState;
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
 * Demo mode: loads one open campaign, three fictional organisations of different types (plus the partner's extra
 * ones, e.g. SEM and MOI) with their administrators, a national operator and a data-entry user, all with the demo
 * password, then, once the partner's questionnaires are active, five closed past campaigns with filled, internally
 * consistent dossiers and one open dossier per organisation and questionnaire it fills, and recipients with the open
 * campaign's transmission matrix. Idempotent: nothing is loaded twice. Every name and number here is
 * invented; SIRENs use the never-allocated {@code 000} prefix and emails the reserved {@code example.org} domain.
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

        /**
         * The partner's questionnaires to open demo dossiers for, comma-separated; each is opened for the demo
         * organisations of the types it declares.
         */
        @AttributeDefinition(description = "Questionnaires des dossiers de démonstration (codes séparés par des virgules)")
        String questionnaires() default "ER";

        /** SIRENs of the extra demo organisations this partner also holds (SEM, MOI), comma-separated. */
        @AttributeDefinition(description = "Organisations de démonstration supplémentaires (SIREN)", required = false)
        String extraOrganisations() default "";
    }

    /** Password of every demo account; printed by demo.sh, never used outside demo mode. */
    static final String PASSWORD = "Demo-Liasse-2025!";
    static final int YEAR = 2025;
    /** Past campaigns loaded, closed and filled, so that N-1 and the five previous years can be shown. */
    static final int PAST_YEARS = 5;
    static final List<Organisation> ORGANISATIONS = List.of(
        new Organisation("000000018", "Office public de l'habitat du Val Fictif (FICTIF)", "OPH", "OPH", "84", "69", true),
        new Organisation("000000026", "ESH Les Tilleuls Imaginaires (FICTIF)", "ESH", "ESH", "75", "33", true),
        new Organisation("000000034", "Coop'Hlm des Trois Vallées (FICTIF)", "COOP", "COOP", "84", "38", true));
    /** Organisations a partner may add to the demo: a housing SEM (EPL federation) and an MOI association. */
    static final List<Organisation> EXTRA_ORGANISATIONS = List.of(
        new Organisation("000000117", "SEM Habitat du Plateau Imaginaire (FICTIF)", "SEM", "EPL", "93", "13", true),
        new Organisation("000000125", "Association Toit d'Insertion Fictive (FICTIF)", "MOI", null, "53", "35", true),
        new Organisation("000000133", "SEM Logement des Deux Rives (FICTIF)", "SEM", "EPL", "44", "67", true));

    private static final Caller SYSTEM = new Caller(0, "demo", "Mode démonstration", null, null, Set.of(),
        Set.of(OperatorRole.SUPER_ADMIN));
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final int ATTEMPTS = 120;
    /** The folder-drop delivery channel, used by the demo recipients. */
    private static final String DEPOT = "depot";

    private final OrganisationService organisations;
    private final CampaignService campaigns;
    private final DossierService dossiers;
    private final AccountService accounts;
    private final PluginRegistry plugins;
    private final TransmissionService transmission;
    private final WorkflowService workflows;
    private final VerificationService verifications;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    /** Loads the demo data when enabled. */
    @Activate
    public DemoData(Config config, @Reference OrganisationService organisations, @Reference CampaignService campaigns,
                    @Reference DossierService dossiers, @Reference AccountService accounts,
                    @Reference PluginRegistry plugins, @Reference TransmissionService transmission,
                    @Reference WorkflowService workflows, @Reference VerificationService verifications) {
        this.organisations = organisations;
        this.campaigns = campaigns;
        this.dossiers = dossiers;
        this.accounts = accounts;
        this.plugins = plugins;
        this.transmission = transmission;
        this.workflows = workflows;
        this.verifications = verifications;
        if (config.enabled()) {
            List<String> questionnaires = List.of(config.questionnaires().split(",")).stream()
                .map(String::strip).filter(code -> !code.isEmpty()).toList();
            Set<String> extra = Set.of(config.extraOrganisations().split(","));
            List<Organisation> demo = new ArrayList<>(ORGANISATIONS);
            EXTRA_ORGANISATIONS.stream().filter(o -> extra.contains(o.siren())).forEach(demo::add);
            scheduler.execute(() -> {
                loadReferenceData(questionnaires, demo);
                openDossiers(questionnaires, demo, ATTEMPTS);
                loadRecipients(questionnaires, demo, ATTEMPTS);
            });
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private void loadReferenceData(List<String> questionnaires, List<Organisation> demo) {
        if (campaigns.find(YEAR).isEmpty()) {
            campaigns.create(campaign(YEAR, questionnaires), SYSTEM.login());
        }
        for (Organisation organisation : demo) {
            if (organisations.find(organisation.siren()).isEmpty()) {
                CreatedOrganisation created = organisations.create(organisation,
                    "administration." + organisation.siren() + "@example.org", SYSTEM.login());
                activate(created.administrator());
            }
        }
        if (accounts.account("operateur.demo").isEmpty()) {
            activate(accounts.createOperator(SYSTEM, new NewAccount("operateur.demo", "Dominique", "Opérateur (FICTIF)",
                "operateur.demo@example.org", null), null, Set.of(OperatorRole.SUPER_ADMIN)));
        }
        if (accounts.account("saisie.demo").isEmpty()) {
            activate(accounts.createUser(SYSTEM, "000000018", new NewAccount("saisie.demo", "Camille", "Exemple (FICTIF)",
                "saisie.demo@example.org", "RESPONSABLE_SAISIE")));
        }
        LOG.info("Mode démonstration : campagne {} ouverte, {} organisations fictives et comptes de démonstration", YEAR,
            demo.size());
    }

    private void activate(CreatedAccount account) {
        if (account.activationCode() == null) {
            LOG.warn("Mode démonstration : les codes d'activation ne sont pas affichés (show.activation.codes), "
                + "le compte {} reste à activer", account.account().login());
            return;
        }
        accounts.activate(account.activationCode(), PASSWORD, "demo");
    }

    private void openDossiers(List<String> questionnaires, List<Organisation> demo, int attemptsLeft) {
        if (questionnaires.stream().anyMatch(code -> plugins.questionnaireForYear(code, YEAR).isEmpty())) {
            if (attemptsLeft > 0) {
                scheduler.schedule(() -> openDossiers(questionnaires, demo, attemptsLeft - 1), 1, TimeUnit.SECONDS);
            } else {
                LOG.warn("Mode démonstration : questionnaires {} pas tous actifs pour {}, pas de dossier créé",
                    questionnaires, YEAR);
            }
            return;
        }
        for (int year = YEAR - PAST_YEARS; year < YEAR; year++) {
            fillPastCampaign(questionnaires, demo, year);
        }
        for (String code : questionnaires) {
            QuestionnaireDefinition current = plugins.questionnaireForYear(code, YEAR).orElseThrow();
            for (Organisation organisation : demo) {
                if (current.appliesTo(organisation.type()) && dossiers.find(organisation.siren(), YEAR, code).isEmpty()) {
                    Dossier dossier = dossiers.create(organisation.siren(), YEAR, code);
                    QuestionnaireDefinition definition = plugins.questionnaire(code, dossier.questionnaireVersion())
                        .orElseThrow();
                    dossiers.save(dossier.id(), dossier.revision(),
                        DemoValues.identification(definition, organisation, YEAR), SYSTEM.login());
                }
            }
        }
        LOG.info("Mode démonstration : dossiers {} {} ouverts, campagnes {} à {} closes et remplies",
            questionnaires, YEAR, YEAR - PAST_YEARS, YEAR - 1);
    }

    /**
     * Recipients that receive their deliveries in folders under {@code ${karaf.data}/liasse/depots}, and the
     * matrix of the open campaign: national bodies and the prefect of the organisation's département mandatory,
     * the deposit bank and the federation allowed. Waits for the folder-drop channel.
     */
    private void loadRecipients(List<String> questionnaires, List<Organisation> demo, int attemptsLeft) {
        if (!transmission.channelTypes().contains(DEPOT)) {
            if (attemptsLeft > 0) {
                scheduler.schedule(() -> loadRecipients(questionnaires, demo, attemptsLeft - 1), 1, TimeUnit.SECONDS);
            } else {
                LOG.warn("Mode démonstration : canal de livraison « {} » absent, pas de destinataire", DEPOT);
            }
            return;
        }
        if (!transmission.recipients().isEmpty()) {
            return;
        }
        List<Recipient> recipients = new ArrayList<>(List.of(
            recipient("CGLLS", "Caisse de garantie du logement locatif social (démonstration)", RecipientKind.NATIONAL, ""),
            recipient("ANCOLS", "Agence nationale de contrôle du logement social (démonstration)", RecipientKind.NATIONAL, ""),
            recipient("CDC", "Caisse des dépôts (démonstration)", RecipientKind.NATIONAL, "")));
        for (Organisation organisation : demo) {
            recipients.add(recipient("PREF-" + organisation.department(), "Préfecture du département "
                + organisation.department() + " (démonstration)", RecipientKind.PREFET_DEPARTEMENT, organisation.department()));
            if (organisation.federation() != null) {
                recipients.add(recipient("FED-" + organisation.federation(), "Fédération " + organisation.federation()
                    + " (démonstration)", RecipientKind.FEDERATION, organisation.federation()));
            }
        }
        Map<String, Recipient> byCode = new LinkedHashMap<>();
        recipients.forEach(r -> byCode.putIfAbsent(r.code(), r));
        byCode.values().forEach(r -> transmission.saveRecipient(r, 0, SYSTEM));
        String questionnaire = questionnaires.get(0);
        transmission.saveMatrix(YEAR, transmission.matrix(YEAR).version(), List.of(
            new MatrixRule(questionnaire, "CGLLS", RuleKind.MANDATORY, Set.of()),
            new MatrixRule(questionnaire, "ANCOLS", RuleKind.MANDATORY, Set.of()),
            new MatrixRule(questionnaire, RecipientKind.PREFET_DEPARTEMENT.name(), RuleKind.MANDATORY, Set.of()),
            new MatrixRule(questionnaire, "CDC", RuleKind.ALLOWED, Set.of()),
            new MatrixRule(questionnaire, RecipientKind.FEDERATION.name(), RuleKind.ALLOWED, Set.of())), SYSTEM);
        LOG.info("Mode démonstration : {} destinataires (dépôt dans {}) et matrice de transmission {}",
            byCode.size(), depots(), YEAR);
    }

    private static Recipient recipient(String code, String name, RecipientKind kind, String territory) {
        Path folder = depots().resolve(code);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Recipient(code, name, kind, territory, DEPOT, Map.of("directory", folder.toString()), true, 0);
    }

    private static Path depots() {
        return Path.of(System.getProperty("karaf.data", "data"), "liasse", "depots").toAbsolutePath();
    }

    /** An open campaign of the demo that collects the partner's questionnaires, due two months after it opens. */
    private static Campaign campaign(int year, List<String> questionnaires) {
        return new Campaign(year, "Campagne " + year + " (démonstration)", LocalDate.of(year + 1, 4, 1),
            LocalDate.of(year + 1, 7, 31), CampaignState.OPEN, questionnaires.stream()
                .map(code -> new CampaignQuestionnaire(code, null, LocalDate.of(year + 1, 6, 1))).toList(), 1);
    }

    /**
     * Moves a past dossier on, as its organisation did, up to the first step its partner sees (its figures then count
     * in the campaign reports), justifying the warnings on the way. A dossier with a failing error control stays
     * where it is.
     */
    private void handOver(Dossier dossier) {
        Caller member = new Caller(0, SYSTEM.login(), SYSTEM.displayName(), dossier.siren(), null,
            Rights.CORE.stream().map(Rights.Right::code).collect(Collectors.toSet()), Set.of());
        WorkflowState state = workflows.state(dossier.id());
        try {
            while (!state.workflow().visibleToPartner(state.step()) && state.next() != null) {
                for (ControlOutcome warning : verifications.verify(dossier.id(), SYSTEM.login()).unjustifiedWarnings()) {
                    verifications.justify(dossier.id(), warning.code(), "Écart expliqué par l'organisme (données "
                        + "fictives).", verifications.justificationRevision(dossier.id()), SYSTEM.login());
                }
                state = workflows.advance(dossier.id(), state.revision(), Attestation.none(null), member);
            }
        } catch (LiasseException e) {
            LOG.warn("Dossier de démonstration {} laissé à l'étape « {} » : {}", dossier.id(), state.current().label(),
                e.getMessage());
        }
    }

    /** A closed campaign whose dossiers are filled with plausible values: year N-1 and the five past years. */
    private void fillPastCampaign(List<String> questionnaires, List<Organisation> demo, int year) {
        if (campaigns.find(year).isPresent()) {
            return;
        }
        List<String> collected = questionnaires.stream()
            .filter(code -> plugins.questionnaireForYear(code, year).isPresent()).toList();
        if (collected.isEmpty()) {
            return;
        }
        campaigns.create(campaign(year, collected), SYSTEM.login());
        for (String code : collected) {
            QuestionnaireDefinition definition = plugins.questionnaireForYear(code, year).orElseThrow();
            for (Organisation organisation : demo) {
                if (definition.appliesTo(organisation.type())) {
                    Dossier dossier = dossiers.create(organisation.siren(), year, code);
                    dossiers.save(dossier.id(), dossier.revision(), DemoValues.all(definition, organisation, year),
                        SYSTEM.login());
                    handOver(dossier);
                }
            }
        }
        campaigns.changeState(year, CampaignState.CLOSED, campaigns.find(year).orElseThrow().revision(),
            SYSTEM.login());
    }
}
