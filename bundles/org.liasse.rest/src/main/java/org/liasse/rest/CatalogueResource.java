package org.liasse.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.liasse.api.dossier.OrganisationTypes;
import org.liasse.api.identity.Rights;

/** Reference lists for forms: rights, default profiles, organisation types. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    /**
     * Rights and the default profiles that bundle them.
     *
     * @param rights   every right, in display order
     * @param profiles default profiles
     */
    public record RightsCatalogue(List<Rights.Right> rights, List<Rights.Profile> profiles) {
    }

    /** Rights and default profiles. */
    @GET
    @Path("rights")
    @Access(Access.Level.AUTHENTICATED)
    public RightsCatalogue rights() {
        return new RightsCatalogue(Rights.CORE, Rights.PROFILES);
    }

    /** Organisation types. */
    @GET
    @Path("organisation-types")
    @Access(Access.Level.AUTHENTICATED)
    public List<OrganisationTypes.Type> organisationTypes() {
        return OrganisationTypes.ALL;
    }
}
