package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;

/** Organisations and their dossiers. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final Supplier<OrganisationService> organisations;
    private final Supplier<DossierService> dossiers;

    OrganisationResource(Supplier<OrganisationService> organisations, Supplier<DossierService> dossiers) {
        this.organisations = organisations;
        this.dossiers = dossiers;
    }

    /** All organisations. */
    @GET
    public List<Organisation> list() {
        return organisations.get().list();
    }

    /** One organisation. */
    @GET
    @Path("{siren}")
    public Organisation get(@PathParam("siren") String siren) {
        return organisations.get().find(siren).orElseThrow(() -> unknown(siren));
    }

    /** Creates an organisation. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Organisation organisation) {
        Json.require(organisation);
        Organisation created = organisations.get().create(organisation);
        return Response.status(201).entity(created).build();
    }

    /** Dossiers of an organisation, without their values. */
    @GET
    @Path("{siren}/dossiers")
    public List<Dossier> dossiers(@PathParam("siren") String siren) {
        organisations.get().find(siren).orElseThrow(() -> unknown(siren));
        return dossiers.get().listForOrganisation(siren);
    }

    private static LiasseException unknown(String siren) {
        return LiasseException.notFound("organisation-inconnue", "Aucune organisation de SIREN « " + siren + " ».");
    }
}
