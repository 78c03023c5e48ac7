package org.liasse.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.exchange.DossierExchange;
import org.liasse.api.exchange.ExportedSheet;
import org.liasse.api.report.ReportData;
import org.liasse.api.report.ReportFormat;
import org.liasse.api.report.ReportRenderer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The core renderer ({@link ReportDefinition#STANDARD}): draws the declared sections to PDF (tables and vector
 * charts) and to XLSX (a first sheet describing the report, then one sheet per table, figures as numbers).
 * Consolidated statistics follow the statistical secret of {@code etc/org.liasse.reports.cfg}.
 */
@Component(configurationPid = ReportsConfig.PID)
@Designate(ocd = ReportsConfig.class)
public class StandardRenderer implements ReportRenderer {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.of("Europe/Paris"));

    private final DossierExchange exchange;
    private final StatisticalSecret secret;

    /** Writes workbooks through the exchange service; withholds figures as the settings say. */
    @Activate
    public StandardRenderer(ReportsConfig config, @Reference DossierExchange exchange) {
        this(exchange, new StatisticalSecret(config.secret_min_contributors(), config.secret_dominance_percent()));
    }

    StandardRenderer(DossierExchange exchange, StatisticalSecret secret) {
        this.exchange = exchange;
        this.secret = secret;
    }

    @Override
    public String kind() {
        return ReportDefinition.STANDARD;
    }

    @Override
    public void render(ReportData data, ReportFormat format, OutputStream out) throws IOException {
        List<Sections.Section> sections = Sections.of(data, secret);
        if (format == ReportFormat.PDF) {
            PdfReport.write(data, sections, out);
            return;
        }
        List<ExportedSheet> sheets = new ArrayList<>();
        List<List<Object>> about = new ArrayList<>();
        about.add(List.of("Rapport", data.report().title()));
        about.add(List.of(data.organisation() == null ? "Périmètre" : "Organisme", data.organisation() == null
            ? data.perimeter() : data.organisation().name() + " (SIREN " + data.organisation().siren() + ")"));
        about.add(List.of("Campagne", data.campaignLabel()));
        about.add(List.of("Généré le", GENERATED.format(data.generatedAt())));
        if (data.demo()) {
            about.add(List.of("Avertissement", PdfReport.DEMO_NOTICE));
        }
        sheets.add(new ExportedSheet("Rapport", List.of("Rubrique", "Valeur"), about));
        for (Sections.Section section : sections) {
            for (Table table : section.tables()) {
                sheets.add(new ExportedSheet(table.title(), table.headers(), table.rows().stream()
                    .map(StandardRenderer::numbers).toList()));
            }
        }
        exchange.writeWorkbook(sheets, out);
    }

    /** A table line with its figures as plain numbers. */
    private static List<Object> numbers(List<Object> row) {
        return Arrays.asList(row.stream().map(value -> value instanceof Figure figure ? figure.value() : value)
            .toArray());
    }
}
