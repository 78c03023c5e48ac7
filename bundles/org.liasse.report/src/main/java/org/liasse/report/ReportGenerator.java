package org.liasse.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.control.AggregateValue;
import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlPlan;
import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.ReportScope;
import org.liasse.api.definition.RowDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.report.GeneratedReport;
import org.liasse.api.report.ReportData;
import org.liasse.api.report.ReportFormat;
import org.liasse.api.report.ReportMeasure;
import org.liasse.api.report.ReportRenderer;
import org.liasse.api.report.ReportRow;
import org.liasse.api.report.ReportService;
import org.liasse.api.report.ReportYear;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the reports active plugins declare and reads their data in bulk: a dossier report reads the organisation's
 * dossiers of the campaign year and the five previous years; a campaign report reads the perimeter's organisations
 * once and the campaign's dossiers in one scan (plus one of year N-1 only when aggregates read it), evaluating the
 * aggregates with each dossier's compiled plan; a dossier counts with its figures only from the step its workflow
 * makes visible to the partner. The file is drawn by the renderer of the report's kind, after the
 * generation is audited; a generation changes nothing, so its entry is written on its own. Reads the demo mode
 * setting ({@code enabled} of {@code etc/org.liasse.demo.cfg}) to mark fictional data.
 */
@Component(configurationPid = "org.liasse.demo", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ReportGenerator implements ReportService {

    /** Years before the campaign year a dossier report reads. */
    static final int PAST_YEARS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ReportGenerator.class);

    private final DossierService dossiers;
    private final OrganisationService organisations;
    private final CampaignService campaigns;
    private final PluginRegistry plugins;
    private final ControlEngine engine;
    private final AuditLog audit;
    private final List<ReportRenderer> renderers;
    private final boolean demo;

    /**
     * Reads through the core services; draws with the renderers present (the component restarts when one comes or
     * goes).
     *
     * @param properties the demo mode settings: {@code enabled} is {@code true} in demo mode
     */
    @Activate
    public ReportGenerator(Map<String, Object> properties, @Reference DossierService dossiers,
                           @Reference OrganisationService organisations, @Reference CampaignService campaigns,
                           @Reference PluginRegistry plugins, @Reference ControlEngine engine,
                           @Reference AuditLog audit,
                           @Reference(cardinality = ReferenceCardinality.MULTIPLE,
                               policyOption = ReferencePolicyOption.GREEDY) List<ReportRenderer> renderers) {
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.campaigns = campaigns;
        this.plugins = plugins;
        this.engine = engine;
        this.audit = audit;
        this.renderers = List.copyOf(renderers);
        this.demo = Boolean.parseBoolean(String.valueOf(properties.get("enabled")));
    }

    @Override
    public List<ReportDefinition> dossierReports(long dossierId) {
        Dossier dossier = dossier(dossierId);
        return plugins.reports().stream().filter(report -> report.scope() == ReportScope.DOSSIER
            && report.questionnaire().equals(dossier.questionnaireCode())).toList();
    }

    @Override
    public List<ReportDefinition> campaignReports(int year, String federation) {
        Campaign campaign = campaign(year);
        return plugins.reports().stream().filter(report -> report.scope() == ReportScope.CAMPAIGN
            && campaign.questionnaire(report.questionnaire()).isPresent()
            && (federation == null || !report.national())).toList();
    }

    @Override
    public GeneratedReport dossierReport(long dossierId, String code, ReportFormat format, String actor) {
        Dossier dossier = dossier(dossierId);
        ReportDefinition report = dossierReports(dossierId).stream().filter(r -> r.code().equals(code)).findFirst()
            .orElseThrow(() -> unknownReport(code));
        ReportRenderer renderer = renderer(report);
        long start = System.nanoTime();
        Organisation organisation = organisations.find(dossier.siren()).orElseThrow();
        List<Dossier> history = new ArrayList<>();
        for (int year = dossier.year() - PAST_YEARS; year < dossier.year(); year++) {
            dossiers.find(dossier.siren(), year, dossier.questionnaireCode()).ifPresent(history::add);
        }
        history.add(dossier);
        Measures measures = new Measures(report, dossier.questionnaireCode(), dossier.questionnaireVersion());
        List<ReportYear> years = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Dossier year = history.get(i);
            Dossier previous = i > 0 && history.get(i - 1).year() == year.year() - 1 ? history.get(i - 1) : null;
            years.add(measures.of(year, previous == null ? Map.of() : previous.values()));
        }
        ReportData data = new ReportData(report, dossier.year(), campaignLabel(dossier.year()), organisation,
            organisation.name(), measures.measures(), years, List.of(), Instant.now(), demo);
        LOG.debug("Rapport {} du dossier {} : données lues en {} ms", code, dossierId, millis(start));
        return generated(report, renderer, data, format, report.code() + "-" + dossier.siren() + "-" + dossier.year(),
            new AuditEvent("rapport.genere", actor, null, dossier.siren(), "dossier " + dossierId,
                report.code() + " (" + format.extension() + ")"));
    }

    @Override
    public GeneratedReport campaignReport(int year, String code, ReportFormat format, String federation,
                                          String actor) {
        Campaign campaign = campaign(year);
        ReportDefinition report = plugins.reports().stream().filter(r -> r.scope() == ReportScope.CAMPAIGN
                && r.code().equals(code) && campaign.questionnaire(r.questionnaire()).isPresent()).findFirst()
            .orElseThrow(() -> unknownReport(code));
        if (report.national() && federation != null) {
            throw new LiasseException(403, "rapport-national", "Le rapport « " + report.title()
                + " » est réservé aux opérateurs nationaux.");
        }
        ReportRenderer renderer = renderer(report);
        long start = System.nanoTime();
        String questionnaire = report.questionnaire();
        QuestionnaireDefinition definition = plugins.questionnaireForYear(questionnaire, year).orElse(null);
        Map<String, Organisation> perimeter = new LinkedHashMap<>();
        organisations.list(federation).stream().filter(Organisation::active)
            .filter(organisation -> definition == null || definition.appliesTo(organisation.type()))
            .forEach(organisation -> perimeter.put(organisation.siren(), organisation));
        Measures measures = new Measures(report, questionnaire, definition == null ? null : definition.version());
        Map<String, Map<String, String>> previous = measures.readsPrevious()
            ? values(year - 1, questionnaire, perimeter) : Map.of();
        WorkflowDefinition workflow = plugins.workflow(questionnaire);
        String last = workflow.steps().get(workflow.steps().size() - 1).code();
        Map<String, ReportRow> rows = new HashMap<>();
        dossiers.scan(year, questionnaire, dossier -> {
            Organisation organisation = perimeter.get(dossier.siren());
            if (organisation != null) {
                // The partner sees an organisation's figures only once its workflow hands the dossier over.
                ReportYear values = workflow.visibleToPartner(dossier.step())
                    ? measures.of(dossier, previous.getOrDefault(dossier.siren(), Map.of()))
                    : new ReportYear(year, Map.of());
                rows.put(dossier.siren(), new ReportRow(organisation, true, dossier.step().equals(last), values));
            }
        });
        if (rows.isEmpty()) {
            throw new LiasseException(422, "campagne-vide", "La campagne " + year + " ne compte encore aucun "
                + "dossier " + questionnaire + (federation == null ? "" : " dans votre fédération")
                + " : le rapport « " + report.title() + " » serait vide.");
        }
        List<ReportRow> all = perimeter.values().stream().map(organisation -> rows.getOrDefault(
            organisation.siren(), new ReportRow(organisation, false, false, new ReportYear(year, Map.of())))).toList();
        ReportData data = new ReportData(report, year, campaign.label(), null, federation == null
            ? "Tous les organismes" : "Fédération " + federation, measures.measures(), List.of(), all, Instant.now(),
            demo);
        LOG.info("Rapport {} de la campagne {} ({}) : {} organismes, {} dossiers lus en {} ms", code, year,
            federation == null ? "national" : federation, all.size(), rows.size(), millis(start));
        return generated(report, renderer, data, format, report.code() + "-" + year
                + (federation == null ? "" : "-" + federation),
            new AuditEvent("rapport.genere", actor, null, null, "campagne " + year,
                report.code() + " (" + format.extension() + ")" + (federation == null ? "" : ", " + federation)));
    }

    /** Records the generation, then hands over the file to write. */
    private GeneratedReport generated(ReportDefinition report, ReportRenderer renderer, ReportData data,
                                      ReportFormat format, String name, AuditEvent event) {
        audit.record(event);
        return new GeneratedReport(name + "." + format.extension(), format, out -> {
            long start = System.nanoTime();
            renderer.render(data, format, out);
            LOG.debug("Rapport {} rendu en {} en {} ms", report.code(), format, millis(start));
        });
    }

    /** The values of a campaign's dossiers of the perimeter's organisations, by SIREN, in one scan. */
    private Map<String, Map<String, String>> values(int year, String questionnaire,
                                                    Map<String, Organisation> perimeter) {
        Map<String, Map<String, String>> values = new HashMap<>();
        dossiers.scan(year, questionnaire, dossier -> {
            if (perimeter.containsKey(dossier.siren())) {
                values.put(dossier.siren(), dossier.values());
            }
        });
        return values;
    }

    private Dossier dossier(long id) {
        return dossiers.find(id).orElseThrow(() -> LiasseException.notFound("dossier-inconnu",
            "Aucun dossier " + id + "."));
    }

    private Campaign campaign(int year) {
        return campaigns.find(year).orElseThrow(() -> LiasseException.notFound("campagne-inconnue",
            "Aucune campagne " + year + "."));
    }

    private String campaignLabel(int year) {
        return campaigns.find(year).map(Campaign::label).orElse("Campagne " + year);
    }

    private ReportRenderer renderer(ReportDefinition report) {
        return renderers.stream().filter(renderer -> renderer.kind().equals(report.kind())).findFirst()
            .orElseThrow(() -> new LiasseException(503, "rendu-indisponible", "Le rapport « " + report.title()
                + " » est dessiné par un module de rendu « " + report.kind() + " » qui n'est pas installé."));
    }

    private static LiasseException unknownReport(String code) {
        return LiasseException.notFound("rapport-inconnu", "Aucun rapport « " + code + " » n'est proposé ici.");
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The measures of one report: their labels and units, and their values in a dossier — aggregates evaluated with
     * the plan of the dossier's questionnaire version (else the report's reference version), cells read as numbers.
     */
    private final class Measures {

        private final ReportDefinition report;
        private final String questionnaire;
        private final Optional<ControlPlan> reference;
        private final Map<String, Optional<ControlPlan>> plans = new HashMap<>();
        private final Map<String, ReportMeasure> measures = new LinkedHashMap<>();

        Measures(ReportDefinition report, String questionnaire, String version) {
            this.report = report;
            this.questionnaire = questionnaire;
            this.reference = version == null ? Optional.empty() : plan(version);
            reference.ifPresent(plan -> plan.aggregates().stream()
                .filter(aggregate -> report.aggregates().contains(aggregate.code()))
                .forEach(a -> measures.put(a.code(), new ReportMeasure(a.code(), a.label(), a.unit()))));
            Optional<QuestionnaireDefinition> definition = version == null ? Optional.empty()
                : plugins.questionnaire(questionnaire, version);
            for (String cell : report.cells()) {
                measures.put(cell, definition.flatMap(q -> q.cell(cell)).map(ReportGenerator::measure)
                    .orElse(new ReportMeasure(cell, cell, "")));
            }
        }

        Map<String, ReportMeasure> measures() {
            return measures;
        }

        /** Whether an aggregate needs the values of year N-1. */
        boolean readsPrevious() {
            return !report.aggregates().isEmpty() && plugins.questionnaireVersions(questionnaire).stream()
                .map(q -> plan(q.version())).flatMap(Optional::stream).anyMatch(ControlPlan::readsPrevious);
        }

        ReportYear of(Dossier dossier, Map<String, String> previous) {
            Map<String, BigDecimal> values = new HashMap<>();
            if (!report.aggregates().isEmpty()) {
                plan(dossier.questionnaireVersion()).or(() -> reference).ifPresent(plan -> {
                    for (AggregateValue aggregate : plan.evaluate(new ControlData(dossier.values(), previous,
                        Map.of())).aggregates()) {
                        if (report.aggregates().contains(aggregate.code())) {
                            values.put(aggregate.code(), aggregate.value());
                        }
                    }
                });
            }
            for (String cell : report.cells()) {
                values.put(cell, number(dossier.values().get(cell)));
            }
            return new ReportYear(dossier.year(), values);
        }

        private Optional<ControlPlan> plan(String version) {
            return plans.computeIfAbsent(version, v -> engine.plan(questionnaire, v));
        }
    }

    /** A cell's label (its row's, then its column's) and unit. */
    private static ReportMeasure measure(CellDefinition cell) {
        String row = cell.table().rows().stream().filter(r -> r.code().equals(cell.row())).findFirst()
            .map(RowDefinition::label).orElse(cell.row());
        String unit = cell.column().type() == FieldType.AMOUNT ? "€"
            : cell.column().type() == FieldType.PERCENTAGE ? "%" : "";
        return new ReportMeasure(cell.code(), row + " – " + cell.column().label(), unit);
    }

    private static BigDecimal number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
