package org.liasse.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

/** Dossiers and their values; writes need {@code If-Match} with the ETag last read. */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

    private final Supplier<DossierService> dossiers;

    DossierResource(Supplier<DossierService> dossiers) {
        this.dossiers = dossiers;
    }

    /**
     * Changed cells to save.
     *
     * @param values cell code to value; an empty or null value clears the cell
     */
    public record Changes(Map<String, String> values) {
    }

    /** One dossier with all its values; the ETag is its revision. */
    @GET
    @Path("{id}")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN})
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), find(id));
    }

    /** Saves changed cells atomically; {@code If-Match} is required. */
    @PATCH
    @Path("{id}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.ENTER)
    public Response save(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Changes changes) {
        Json.require(changes);
        if (changes.values() == null || changes.values().isEmpty()) {
            throw LiasseException.invalid("aucune-modification", "Aucune cellule à enregistrer.", List.of());
        }
        Dossier saved = dossiers.get().save(id, Json.revision(ifMatch), changes.values());
        return withTag(Response.ok(), saved);
    }

    private Dossier find(long id) {
        return dossiers.get().find(id)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
    }

    static Response withTag(Response.ResponseBuilder response, Dossier dossier) {
        return response.tag(new EntityTag(Long.toString(dossier.revision()))).entity(dossier).build();
    }
}
