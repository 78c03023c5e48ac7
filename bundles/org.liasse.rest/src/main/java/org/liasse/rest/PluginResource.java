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
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginRegistry;

/** Plugins and what they provide. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    private final Supplier<PluginRegistry> registry;

    PluginResource(Supplier<PluginRegistry> registry) {
        this.registry = registry;
    }

    /** Every plugin with its state and what it provides. */
    @GET
    @Path("plugins")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.NONE)
    public List<PluginInfo> plugins() {
        return registry.get().plugins();
    }

    /** One plugin. */
    @GET
    @Path("plugins/{id}")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.NONE)
    public PluginInfo plugin(@PathParam("id") String id) {
        return registry.get().plugin(id)
            .orElseThrow(() -> LiasseException.notFound("plugin-inconnu", "Aucun plugin « " + id + " »."));
    }
}
