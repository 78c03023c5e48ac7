package org.liasse.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.liasse.api.dossier.OrganisationTypes;
import org.liasse.api.identity.Rights;
import org.liasse.api.plugin.PluginRegistry;

/** Reference lists for forms: rights, default profiles, organisation types. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final Supplier<PluginRegistry> plugins;

    CatalogueResource(Supplier<PluginRegistry> plugins) {
        this.plugins = plugins;
    }

    /**
     * Rights and the default profiles that bundle them.
     *
     * @param rights   every right, in display order
     * @param profiles default profiles
     */
    public record RightsCatalogue(List<Rights.Right> rights, List<Rights.Profile> profiles) {
    }

    /** Core rights, then the rights declared by active plugins, and the default profiles. */
    @GET
    @Path("rights")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public RightsCatalogue rights() {
        List<Rights.Right> rights = new ArrayList<>(Rights.CORE);
        plugins.get().rights().forEach(r -> rights.add(new Rights.Right(r.code(), r.label())));
        return new RightsCatalogue(rights, Rights.PROFILES);
    }

    /** Organisation types. */
    @GET
    @Path("organisation-types")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public List<OrganisationTypes.Type> organisationTypes() {
        return OrganisationTypes.ALL;
    }
}
