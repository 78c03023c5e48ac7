package org.liasse.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
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

/** Dossiers and their values; writes need {@code If-Match} with the ETag last read. */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

    private final Supplier<DossierService> dossiers;

    DossierResource(Supplier<DossierService> dossiers) {
        this.dossiers = dossiers;
    }

    /**
     * Request to create a dossier.
     *
     * @param siren         organisation
     * @param year          campaign year
     * @param questionnaire questionnaire code
     */
    public record NewDossier(String siren, int year, String questionnaire) {
    }

    /**
     * Changed cells to save.
     *
     * @param values cell code to value; an empty or null value clears the cell
     */
    public record Changes(Map<String, String> values) {
    }

    /** Creates a dossier under the questionnaire version that applies to the campaign year. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewDossier request) {
        Json.require(request);
        Dossier dossier = dossiers.get().create(request.siren(), request.year(), request.questionnaire());
        return withTag(Response.status(201), dossier);
    }

    /** One dossier with all its values; the ETag is its revision. */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), find(id));
    }

    /** Saves changed cells atomically; {@code If-Match} is required. */
    @PATCH
    @Path("{id}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Changes changes) {
        Json.require(changes);
        if (changes.values() == null || changes.values().isEmpty()) {
            throw LiasseException.invalid("aucune-modification", "Aucune cellule à enregistrer.", List.of());
        }
        Dossier saved = dossiers.get().save(id, revision(ifMatch), changes.values());
        return withTag(Response.ok(), saved);
    }

    private Dossier find(long id) {
        return dossiers.get().find(id)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
    }

    private static long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new LiasseException(428, "if-match-requis",
                "L'en-tête If-Match est obligatoire : renvoyez l'ETag du dossier lu avant de le modifier.");
        }
        try {
            return Long.parseLong(EntityTag.valueOf(ifMatch.strip()).getValue());
        } catch (IllegalArgumentException e) {
            throw new LiasseException(412, "etag-invalide", "L'en-tête If-Match ne correspond à aucune version du dossier.");
        }
    }

    private static Response withTag(Response.ResponseBuilder response, Dossier dossier) {
        return response.tag(new EntityTag(Long.toString(dossier.revision()))).entity(dossier).build();
    }
}
