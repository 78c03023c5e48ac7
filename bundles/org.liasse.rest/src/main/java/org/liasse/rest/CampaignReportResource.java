package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.identity.OperatorRole;
import org.liasse.api.report.ReportService;

/**
 * The reports plugins declare for a campaign, for operators: a federation operator's cover its federation only, and
 * national reports (the ministry's summary) are for national operators.
 */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignReportResource {

    private final Supplier<ReportService> reports;

    CampaignReportResource(Supplier<ReportService> reports) {
        this.reports = reports;
    }

    /** The reports of a campaign the caller may download. */
    @GET
    @Path("{year}/reports")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.CALLER)
    public List<ReportResource.ReportView> campaignReports(@PathParam("year") int year) {
        return reports.get().campaignReports(year, Call.current().requireCaller().federation()).stream()
            .map(ReportResource.ReportView::of).toList();
    }

    /** One report of a campaign, over the caller's federation for a federation operator. */
    @GET
    @Path("{year}/reports/{code}")
    @Produces(MediaType.WILDCARD)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.CALLER)
    public Response campaignReport(@PathParam("year") int year, @PathParam("code") String code,
                                   @QueryParam("format") String format) {
        Call call = Call.current();
        return ReportResource.download(reports.get().campaignReport(year, code, ReportResource.format(format),
            call.requireCaller().federation(), call.actor()));
    }
}
