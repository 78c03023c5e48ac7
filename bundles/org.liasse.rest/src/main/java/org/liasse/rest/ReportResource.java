package org.liasse.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.report.GeneratedReport;
import org.liasse.api.report.ReportFormat;
import org.liasse.api.report.ReportService;

/**
 * The reports plugins declare for a dossier, for the organisation's members who may consult it and the operators who
 * see it. Files are streamed as they are drawn, after their data was read and the download audited.
 */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final Supplier<ReportService> reports;

    ReportResource(Supplier<ReportService> reports) {
        this.reports = reports;
    }

    /**
     * A report offered for download.
     *
     * @param code          stable code
     * @param title         French title
     * @param scope         {@code dossier} or {@code campaign}
     * @param questionnaire questionnaire it reads
     * @param formats       formats it is drawn to
     */
    public record ReportView(String code, String title, String scope, String questionnaire, List<String> formats) {

        static ReportView of(ReportDefinition report) {
            return new ReportView(report.code(), report.title(), report.scope().name().toLowerCase(Locale.ROOT),
                report.questionnaire(), Arrays.stream(ReportFormat.values()).map(ReportFormat::extension).toList());
        }
    }

    /** The reports of a dossier. */
    @GET
    @Path("{id}/reports")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<ReportView> dossierReports(@PathParam("id") long id) {
        return reports.get().dossierReports(id).stream().map(ReportView::of).toList();
    }

    /** One report of a dossier as a PDF ({@code format=pdf}, the default) or XLSX file. */
    @GET
    @Path("{id}/reports/{code}")
    @Produces(MediaType.WILDCARD)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response dossierReport(@PathParam("id") long id, @PathParam("code") String code,
                                  @QueryParam("format") String format) {
        return download(reports.get().dossierReport(id, code, format(format), Call.current().actor()));
    }

    /** The format asked for: PDF by default. */
    static ReportFormat format(String format) {
        if (format == null || format.isBlank()) {
            return ReportFormat.PDF;
        }
        return ReportFormat.named(format).orElseThrow(() -> new LiasseException(400, "format-inconnu",
            "Format de rapport inconnu : choisissez pdf ou xlsx (paramètre format)."));
    }

    /** The file, streamed as it is drawn. */
    static Response download(GeneratedReport report) {
        StreamingOutput body = report.body()::writeTo;
        return Response.ok(body, report.format().mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(report.fileName()))
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header("X-Content-Type-Options", "nosniff")
            .build();
    }
}
