package org.liasse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.definition.ReportChart;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.ReportGrouping;
import org.liasse.api.definition.ReportScope;
import org.liasse.api.definition.ReportSection;
import org.liasse.api.definition.ReportSectionKind;
import org.liasse.api.definition.SourceLocation;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.report.GeneratedReport;
import org.liasse.api.report.ReportData;
import org.liasse.api.report.ReportFormat;
import org.liasse.api.report.ReportRenderer;
import org.liasse.api.report.ReportRow;

/** The generator's reading and refusals, with in-memory services (the drawing is {@link StandardRendererTest}'s). */
class ReportGeneratorTest {

    private static final SourceLocation AT = new SourceLocation("META-INF/liasse/reports/r.json", 1, 1);
    private static final ReportSection LOYERS = new ReportSection(ReportSectionKind.STATISTICS, "Loyers", List.of(),
        List.of("CR.LOYERS.MONTANT"), List.of(ReportGrouping.TYPE), ReportChart.NONE);
    private static final ReportDefinition STATS = new ReportDefinition("STATS", "Statistiques", ReportScope.CAMPAIGN,
        "QDIS", null, false, List.of(LOYERS), AT);
    private static final ReportDefinition NATIONAL = new ReportDefinition("NATIONAL", "Synthèse nationale",
        ReportScope.CAMPAIGN, "QDIS", null, true, List.of(LOYERS), AT);
    private static final List<Organisation> ORGANISATIONS = List.of(
        new Organisation("000000018", "Office (FICTIF)", "OPH", "OPH", "84", "69", true),
        new Organisation("000000026", "ESH (FICTIF)", "ESH", "ESH", "75", "33", true),
        new Organisation("000000042", "Autre office (FICTIF)", "OPH", "OPH", "84", "38", true));

    private final List<AuditEvent> audited = new ArrayList<>();
    private final List<ReportData> drawn = new ArrayList<>();
    private final List<Dossier> dossiers = new ArrayList<>();
    private int scans;

    /** A fake of an interface: the given methods by name, anything else unsupported. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> methods) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> body = methods.get(method.getName());
            if (body == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return body.apply(args);
        });
    }

    private ReportGenerator generator(List<ReportRenderer> renderers) {
        DossierService dossierService = fake(DossierService.class, Map.of("scan", args -> {
            scans++;
            @SuppressWarnings("unchecked")
            Consumer<Dossier> sink = (Consumer<Dossier>) args[2];
            dossiers.stream().filter(d -> d.year() == (int) args[0]).forEach(sink);
            return null;
        }));
        OrganisationService organisations = fake(OrganisationService.class, Map.of("list", args -> ORGANISATIONS
            .stream().filter(o -> args[0] == null || o.federation().equals(args[0])).toList()));
        CampaignService campaigns = fake(CampaignService.class, Map.of("find", args -> (int) args[0] == 2025
            ? Optional.of(new Campaign(2025, "Campagne 2025", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 31),
                CampaignState.OPEN)) : Optional.empty()));
        PluginRegistry plugins = fake(PluginRegistry.class, Map.of(
            "reports", args -> List.of(STATS, NATIONAL),
            "questionnaireForYear", args -> Optional.empty(),
            "workflow", args -> WorkflowDefinition.standard("QDIS")));
        ControlEngine engine = fake(ControlEngine.class, Map.of());
        AuditLog audit = fake(AuditLog.class, Map.of("record", args -> {
            audited.add((AuditEvent) args[0]);
            return null;
        }));
        return new ReportGenerator(Map.of("enabled", "true"), dossierService, organisations, campaigns, plugins,
            engine, audit, renderers);
    }

    private final ReportRenderer recorder = new ReportRenderer() {
        @Override
        public String kind() {
            return ReportDefinition.STANDARD;
        }

        @Override
        public void render(ReportData data, ReportFormat format, OutputStream out) throws IOException {
            drawn.add(data);
            out.write(format.extension().getBytes(StandardCharsets.UTF_8));
        }
    };

    /** A dossier handed over to the partner (« Fiabilisé », the first step of the standard workflow it sees). */
    private static Dossier dossier(long id, String siren, String loyers) {
        return dossier(id, siren, loyers, "FIABILISE");
    }

    private static Dossier dossier(long id, String siren, String loyers, String step) {
        return new Dossier(id, siren, 2025, "QDIS", "2025.1", 1, step, Map.of("CR.LOYERS.MONTANT", loyers));
    }

    private static String code(Runnable call) {
        return assertThrows(LiasseException.class, call::run).code();
    }

    @Test
    void aFederationOperatorsReportCoversItsFederationInOneScan() throws IOException {
        dossiers.add(dossier(1, "000000018", "1000"));
        dossiers.add(dossier(2, "000000026", "5000"));
        ReportGenerator generator = generator(List.of(recorder));

        GeneratedReport report = generator.campaignReport(2025, "STATS", ReportFormat.XLSX, "OPH", "suivi.oph");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.body().writeTo(out);

        assertEquals("STATS-2025-OPH.xlsx", report.fileName());
        assertEquals("xlsx", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, scans, "one scan of the campaign, none of year N-1 without aggregates");
        ReportData data = drawn.get(0);
        assertEquals("Fédération OPH", data.perimeter());
        assertEquals(List.of("000000018", "000000042"), data.rows().stream().map(r -> r.organisation().siren())
            .toList(), "the federation's organisations only, with or without a dossier");
        assertEquals(List.of(true, false), data.rows().stream().map(ReportRow::started).toList());
        assertEquals(0, new BigDecimal("1000").compareTo(data.rows().get(0).values()
            .value("CR.LOYERS.MONTANT")));
        assertTrue(data.demo());
        assertEquals("rapport.genere", audited.get(0).action());
        assertEquals("suivi.oph", audited.get(0).actor());
    }

    @Test
    void aDossierCountsWithItsFiguresOnlyOnceHandedOverToThePartner() throws IOException {
        dossiers.add(dossier(1, "000000018", "1000", "VALIDE"));
        dossiers.add(dossier(3, "000000042", "3000", "FIABILISE"));

        generator(List.of(recorder)).campaignReport(2025, "STATS", ReportFormat.PDF, "OPH", "suivi.oph").body()
            .writeTo(new ByteArrayOutputStream());

        ReportData data = drawn.get(0);
        assertEquals(List.of(true, true), data.rows().stream().map(ReportRow::started).toList(),
            "both dossiers are opened");
        assertNull(data.rows().get(0).values().value("CR.LOYERS.MONTANT"),
            "still « Validé en interne », out of the partner's sight: no figure");
        assertEquals(0, new BigDecimal("3000").compareTo(data.rows().get(1).values().value("CR.LOYERS.MONTANT")));
    }

    @Test
    void refusalsHaveTheirCodes() {
        ReportGenerator generator = generator(List.of(recorder));

        assertEquals(List.of("STATS"), generator.campaignReports(2025, "OPH").stream().map(ReportDefinition::code)
            .toList(), "national reports are not offered to a federation operator");
        assertEquals(2, generator.campaignReports(2025, null).size());
        assertEquals("rapport-national",
            code(() -> generator.campaignReport(2025, "NATIONAL", ReportFormat.PDF, "OPH", "suivi.oph")));
        assertEquals("campagne-vide",
            code(() -> generator.campaignReport(2025, "STATS", ReportFormat.PDF, null, "operateur")));
        assertEquals("rapport-inconnu",
            code(() -> generator.campaignReport(2025, "AUTRE", ReportFormat.PDF, null, "operateur")));
        assertEquals("campagne-inconnue", code(() -> generator.campaignReports(1990, null)));
        assertEquals("rendu-indisponible", code(() -> generator(List.of())
            .campaignReport(2025, "STATS", ReportFormat.PDF, null, "operateur")));
        assertTrue(audited.isEmpty(), "nothing refused is recorded as generated");
    }
}
