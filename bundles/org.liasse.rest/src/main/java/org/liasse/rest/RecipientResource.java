package org.liasse.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.identity.OperatorRole;
import org.liasse.api.transmission.Recipient;
import org.liasse.api.transmission.RecipientKind;
import org.liasse.api.transmission.TransmissionService;

/** The recipients registry, for partner staff; channel secrets are never returned. */
@Path("/recipients")
@Produces(MediaType.APPLICATION_JSON)
public class RecipientResource {

    private final Supplier<TransmissionService> transmission;

    RecipientResource(Supplier<TransmissionService> transmission) {
        this.transmission = transmission;
    }

    /**
     * The registry.
     *
     * @param recipients every recipient
     * @param channels   delivery channel types installed
     * @param kinds      recipient kinds
     */
    public record Registry(List<Recipient> recipients, List<String> channels, List<RecipientKind> kinds) {
    }

    /**
     * A recipient as sent by a client.
     *
     * @param code      stable code (ignored on update: the path names it)
     * @param name      French name
     * @param kind      kind
     * @param territory département, région or federation code for territorial kinds
     * @param channel   delivery channel type
     * @param settings  channel settings; an empty secret keeps the stored one
     * @param active    whether deliveries go to it (default true)
     */
    public record RecipientInput(String code, String name, RecipientKind kind, String territory, String channel,
                                 Map<String, String> settings, Boolean active) {

        Recipient toRecipient(String code) {
            return new Recipient(code, name, kind, territory, channel, settings == null ? Map.of() : settings,
                active == null || active, 0);
        }
    }

    /** Every recipient and the installed channels. */
    @GET
    @Access(value = Access.Level.OPERATOR,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Registry list() {
        TransmissionService service = transmission.get();
        return new Registry(service.recipients().stream().map(RecipientResource::masked).toList(),
            service.channelTypes(), List.of(RecipientKind.values()));
    }

    /** Registers a recipient; 201. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response create(RecipientInput recipient) {
        RecipientInput body = Json.require(recipient);
        Recipient saved = transmission.get().saveRecipient(body.toRecipient(body.code()), 0,
            Call.current().requireCaller());
        return Response.status(Response.Status.CREATED).tag(new EntityTag(Long.toString(saved.revision())))
            .entity(masked(saved)).build();
    }

    /** Changes a recipient; needs its revision in If-Match. */
    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           RecipientInput recipient) {
        Recipient saved = transmission.get().saveRecipient(Json.require(recipient).toRecipient(code),
            Json.revision(ifMatch), Call.current().requireCaller());
        return Response.ok(masked(saved)).tag(new EntityTag(Long.toString(saved.revision()))).build();
    }

    private static Recipient masked(Recipient recipient) {
        Map<String, String> settings = new TreeMap<>(recipient.settings());
        Recipient.SECRET_SETTINGS.forEach(s -> settings.computeIfPresent(s, (k, v) -> ""));
        return new Recipient(recipient.code(), recipient.name(), recipient.kind(), recipient.territory(),
            recipient.channel(), settings, recipient.active(), recipient.revision());
    }
}
