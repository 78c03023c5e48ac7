package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.peer.Consent;
import org.liasse.api.peer.Peer;
import org.liasse.api.peer.PeerService;
import org.liasse.api.peer.SyncEntry;
import org.liasse.api.peer.SyncJournal;

/** An organisation's side of the exchanges between servers: its sync log and its consents to peers. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final Supplier<PeerService> peers;
    private final Supplier<SyncJournal> journal;

    ConsentResource(Supplier<PeerService> peers, Supplier<SyncJournal> journal) {
        this.peers = peers;
        this.journal = journal;
    }

    /**
     * An organisation's consents and the peers it may consent to.
     *
     * @param consents given consents
     * @param peers    registered peers
     */
    public record Consents(List<Consent> consents, List<Peer> peers) {
    }

    /** The sync log of one organisation, newest first. */
    @GET
    @Path("{siren}/syncs")
    @Access(value = Access.Level.ORGANISATION, operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.TARGET)
    public List<SyncEntry> organisationSyncs(@PathParam("siren") String siren) {
        return journal.get().list(siren, null, ServerResource.LOG_LIMIT);
    }

    /** The organisation's consents to peers bringing its dossiers in from this server; the ETag is their revision. */
    @GET
    @Path("{siren}/consents")
    @Access(value = Access.Level.ORGANISATION, operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response consents(@PathParam("siren") String siren) {
        long revision = journal.get().consentRevision(siren);
        return Json.tagged(new Consents(journal.get().consents(siren), peers.get().peers()), revision);
    }

    /**
     * Authorises a registered peer to bring the organisation's dossiers in (organisation administrator);
     * {@code If-Match} is required.
     */
    @PUT
    @Path("{siren}/consents/{peer}")
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS, perimeter = Access.Scope.TARGET)
    public Response grant(@PathParam("siren") String siren, @PathParam("peer") String peer,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long revision = Json.revision(ifMatch);
        if (peers.get().peers().stream().noneMatch(known -> known.name().equals(peer))) {
            throw LiasseException.notFound("serveur-inconnu", "Aucun serveur pair « " + peer
                + " » n'est enregistré sur ce serveur.");
        }
        return Json.tagged(journal.get().grant(siren, peer, revision, Call.current().actor()), revision + 1);
    }

    /** Withdraws a consent; {@code If-Match} is required. */
    @DELETE
    @Path("{siren}/consents/{peer}")
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS, perimeter = Access.Scope.TARGET)
    public Response withdraw(@PathParam("siren") String siren, @PathParam("peer") String peer,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!journal.get().withdraw(siren, peer, Json.revision(ifMatch))) {
            throw LiasseException.notFound("consentement-inconnu", "Aucune autorisation donnée au serveur « " + peer
                + " ».");
        }
        return consents(siren);
    }
}
