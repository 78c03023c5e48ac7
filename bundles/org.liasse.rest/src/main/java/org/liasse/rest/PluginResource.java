package org.liasse.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginRegistry;

/**
 * Plugins and what they provide. A plugin's ETag is the version its recorded decision activates, so that a rollback
 * applies to the decision the operator has seen. A plugin jar uploaded here joins Karaf's {@code deploy/} folder,
 * the one way plugins are installed: the extender then activates or refuses it as it would a jar copied there.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    /** The media type of a jar. */
    static final String JAR = "application/java-archive";

    private final Supplier<PluginRegistry> registry;
    private final Supplier<AuditLog> audit;
    private final java.nio.file.Path deploy;
    private final long uploadLimit;

    /**
     * @param deploy      Karaf's hot deployment folder
     * @param uploadLimit the largest jar accepted, in bytes
     */
    PluginResource(Supplier<PluginRegistry> registry, Supplier<AuditLog> audit, java.nio.file.Path deploy,
                   long uploadLimit) {
        this.registry = registry;
        this.audit = audit;
        this.deploy = deploy;
        this.uploadLimit = uploadLimit;
    }

    /** Every plugin with its state and what it provides. */
    @GET
    @Path("plugins")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.NONE)
    public List<PluginInfo> plugins() {
        return registry.get().plugins();
    }

    /**
     * Installs a plugin jar sent as the body (see {@link PluginUpload} for what is checked first): 202 with the
     * plugin id and, in {@code Location}, the plugin to poll until the extender shows it active or refused with its
     * reasons.
     */
    @POST
    @Path("plugins")
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response upload(InputStream body) {
        try {
            PluginUpload upload = PluginUpload.read(body == null ? InputStream.nullInputStream() : body, uploadLimit);
            java.nio.file.Path installed = upload.install(deploy);
            Call call = Call.current();
            audit.get().record(new AuditEvent("plugin.depose", call.actor(), call.remoteAddress(), null,
                upload.symbolicName(), "version " + upload.version() + ", fichier deploy/" + installed.getFileName()
                + ", " + upload.content().length + " octets"));
            return Response.accepted(Map.of("id", upload.symbolicName(), "version", upload.version(),
                "file", installed.getFileName().toString())).location(URI.create("plugins/" + upload.symbolicName()))
                .build();
        } finally {
            AttachmentResource.drain(body);
        }
    }

    /** One plugin, with its recorded decision as ETag. */
    @GET
    @Path("plugins/{id}")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.NONE)
    public Response plugin(@PathParam("id") String id) {
        PluginInfo plugin = registry.get().plugin(id)
            .orElseThrow(() -> LiasseException.notFound("plugin-inconnu", "Aucun plugin « " + id + " »."));
        return tagged(Response.ok(plugin), plugin);
    }

    /**
     * Restores the previous version of a plugin ({@code If-Match}: the plugin's ETag): 409 when the decision changed
     * since it was read, when there is no previous version or when it is not installed.
     */
    @POST
    @Path("plugins/{id}/rollback")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response rollback(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        String seen = Json.tag(ifMatch);
        PluginInfo plugin = registry.get().plugin(id)
            .orElseThrow(() -> LiasseException.notFound("plugin-inconnu", "Aucun plugin « " + id + " »."));
        if (!seen.equals(String.valueOf(plugin.recordedVersion()))) {
            throw LiasseException.conflict("modification-concurrente", "La version active du plugin " + id
                + " a changé depuis votre lecture (" + plugin.recordedVersion() + ") : rechargez puis recommencez.");
        }
        PluginInfo rolledBack = registry.get().rollback(id, Call.current().actor());
        return tagged(Response.ok(rolledBack), rolledBack);
    }

    private static Response tagged(Response.ResponseBuilder response, PluginInfo plugin) {
        return (plugin.recordedVersion() == null ? response : response.tag(new EntityTag(plugin.recordedVersion())))
            .entity(plugin).build();
    }
}
