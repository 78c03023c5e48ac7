package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.transmission.Delivery;
import org.liasse.api.transmission.DeliveryService;
import org.liasse.api.transmission.ParcelFile;
import org.liasse.api.transmission.SignedStatementInfo;
import org.liasse.api.transmission.TransmissionService;

/**
 * A dossier's side of transmission: its effective recipients and the organisation's choices, its signed statements
 * and its deliveries with their receipts.
 */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class TransmissionResource {

    private final Supplier<TransmissionService> transmission;
    private final Supplier<DeliveryService> deliveries;

    TransmissionResource(Supplier<TransmissionService> transmission, Supplier<DeliveryService> deliveries) {
        this.transmission = transmission;
        this.deliveries = deliveries;
    }

    /**
     * A tick on an allowed recipient.
     *
     * @param chosen whether the dossier goes to it
     */
    public record Choice(Boolean chosen) {
    }

    /**
     * The recipients the dossier goes to, and the allowed ones the organisation may tick; the ETag is the choices'
     * revision.
     */
    @GET
    @Path("{id}/recipients")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response recipients(@PathParam("id") long id) {
        long revision = transmission.get().choiceRevision(id);
        return Json.tagged(transmission.get().effective(id), revision);
    }

    /** Ticks or unticks an allowed recipient; a mandatory one cannot be unticked; {@code If-Match} is required. */
    @PUT
    @Path("{id}/recipients/{target}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.TRANSMIT,
        perimeter = Access.Scope.TARGET)
    public Response choose(@PathParam("id") long id, @PathParam("target") String target,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Choice choice) {
        long revision = Json.revision(ifMatch);
        Boolean chosen = Json.require(choice).chosen();
        return Json.tagged(transmission.get().choose(id, target, Json.require(chosen), revision,
            Call.current().requireCaller()), revision + 1);
    }

    /** The deliveries of the dossier, one per recipient and transmission, with status and receipt. */
    @GET
    @Path("{id}/deliveries")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<Delivery> deliveries(@PathParam("id") long id) {
        return deliveries.get().deliveries(id);
    }

    /** The statements signed for the dossier, newest first. */
    @GET
    @Path("{id}/statements")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<SignedStatementInfo> statements(@PathParam("id") long id) {
        return deliveries.get().statements(id);
    }

    /** A signed statement's PDF ({@code pdf}) or signed data file ({@code data}), as a download. */
    @GET
    @Path("{id}/statements/{statement}/{kind}")
    @Produces(MediaType.WILDCARD)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response file(@PathParam("id") long id, @PathParam("statement") long statement,
                         @PathParam("kind") String kind) {
        ParcelFile file = deliveries.get().statementFile(id, statement, kind);
        return Response.ok(file.content(), file.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(file.name()))
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
            .build();
    }
}
