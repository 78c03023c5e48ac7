package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.verification.ImpactReport;
import org.liasse.api.verification.ImpactService;

/**
 * Impact reports of changes of the controls: which dossiers a new plugin version makes fail or pass. A federation
 * operator sees only the lines of its federation's organisations.
 */
@Path("/impacts")
@Produces(MediaType.APPLICATION_JSON)
public class ImpactResource {

    private final Supplier<ImpactService> impacts;

    ImpactResource(Supplier<ImpactService> impacts) {
        this.impacts = impacts;
    }

    /** Every report, newest first, without lines. */
    @GET
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.PLUGIN_MANAGER,
        OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.CALLER)
    public List<ImpactReport> list() {
        return impacts.get().list(Call.current().requireCaller().federation());
    }

    /** One report with its lines: per dossier, the controls newly failing and newly passing. */
    @GET
    @Path("{id}")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.PLUGIN_MANAGER,
        OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.CALLER)
    public ImpactReport get(@PathParam("id") long id) {
        return impacts.get().find(id, Call.current().requireCaller().federation()).orElseThrow(() ->
            LiasseException.notFound("impact-inconnu", "Aucun rapport d'impact " + id + "."));
    }
}
