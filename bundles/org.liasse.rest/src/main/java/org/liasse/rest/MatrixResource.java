package org.liasse.rest;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.transmission.Delivery;
import org.liasse.api.transmission.DeliveryService;
import org.liasse.api.transmission.DeliveryStatus;
import org.liasse.api.transmission.Matrix;
import org.liasse.api.transmission.MatrixRule;
import org.liasse.api.transmission.TransmissionService;

/** The transmission matrix of a campaign, versioned, and the campaign's deliveries, for partner staff. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class MatrixResource {

    private final Supplier<TransmissionService> transmission;
    private final Supplier<DeliveryService> deliveries;
    private final Supplier<OrganisationService> organisations;

    MatrixResource(Supplier<TransmissionService> transmission, Supplier<DeliveryService> deliveries,
                   Supplier<OrganisationService> organisations) {
        this.transmission = transmission;
        this.deliveries = deliveries;
        this.organisations = organisations;
    }

    /**
     * A new version of the matrix.
     *
     * @param rules every rule; a questionnaire × recipient without a rule is forbidden
     */
    public record MatrixChange(List<MatrixRule> rules) {
    }

    /** The current matrix; its version is the ETag. */
    @GET
    @Path("{year}/matrix")
    @Access(value = Access.Level.OPERATOR,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response matrix(@PathParam("year") int year) {
        Matrix matrix = transmission.get().matrix(year);
        return Response.ok(matrix).tag(new EntityTag(Long.toString(matrix.version()))).build();
    }

    /** Every version of the matrix, newest first. */
    @GET
    @Path("{year}/matrix/history")
    @Access(value = Access.Level.OPERATOR,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public List<Matrix> history(@PathParam("year") int year) {
        return transmission.get().matrixHistory(year);
    }

    /** Replaces the matrix with a new version; needs the current version in If-Match. */
    @PUT
    @Path("{year}/matrix")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response save(@PathParam("year") int year, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         MatrixChange change) {
        List<MatrixRule> rules = Json.require(change).rules();
        Matrix matrix = transmission.get().saveMatrix(year, Json.revision(ifMatch), rules == null ? List.of() : rules,
            Call.current().requireCaller());
        return Response.ok(matrix).tag(new EntityTag(Long.toString(matrix.version()))).build();
    }

    /**
     * The deliveries of the campaign within the caller's perimeter (a federation operator's: its organisations'),
     * optionally with one status ({@code PENDING}, {@code DELIVERED}, {@code FAILED}).
     */
    @GET
    @Path("{year}/deliveries")
    @Access(value = Access.Level.OPERATOR,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.CALLER)
    public List<Delivery> deliveries(@PathParam("year") int year, @QueryParam("statut") String status) {
        List<Delivery> all = deliveries.get().campaignDeliveries(year, status(status));
        String federation = Call.current().requireCaller().federation();
        if (federation == null) {
            return all;
        }
        Set<String> perimeter = organisations.get().list(federation).stream().map(Organisation::siren)
            .collect(Collectors.toSet());
        return all.stream().filter(delivery -> perimeter.contains(delivery.siren())).toList();
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw LiasseException.invalid("statut-inconnu", "Statut inconnu : « " + status
                + " » (PENDING, DELIVERED ou FAILED).", List.of());
        }
    }
}
