package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.peer.Peer;
import org.liasse.api.peer.PeerService;
import org.liasse.api.peer.ServerIdentity;
import org.liasse.api.peer.SyncEntry;
import org.liasse.api.peer.SyncJournal;

/**
 * Exchanges between servers for operators: this server's identity and peers, and the sync log within their
 * perimeter.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {

    /** Most entries of the sync log returned at once. */
    static final int LOG_LIMIT = 500;

    private final Supplier<PeerService> peers;
    private final Supplier<SyncJournal> journal;
    private final Supplier<OrganisationService> organisations;

    ServerResource(Supplier<PeerService> peers, Supplier<SyncJournal> journal,
                   Supplier<OrganisationService> organisations) {
        this.peers = peers;
        this.journal = journal;
        this.organisations = organisations;
    }

    /**
     * This server and its peers.
     *
     * @param identity this server's name, partner and certificate (PEM) to hand over to the peers' operators
     * @param peers    the peers registered by configuration
     */
    public record Servers(ServerIdentity identity, List<Peer> peers) {
    }

    /** This server's identity and certificate, and its peers. */
    @GET
    @Path("server")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.NONE)
    public Servers server() {
        return new Servers(peers.get().identity(), peers.get().peers());
    }

    /** The sync log, newest first, optionally of one peer; a federation operator sees its federation's only. */
    @GET
    @Path("syncs")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.CALLER)
    public List<SyncEntry> syncs(@QueryParam("serveur") String peer) {
        Caller caller = Call.current().requireCaller();
        List<SyncEntry> entries = journal.get().list(null, blank(peer), LOG_LIMIT);
        if (caller.federation() == null) {
            return entries;
        }
        return entries.stream().filter(entry -> entry.siren() != null && organisations.get().find(entry.siren())
            .map(Organisation::federation).filter(caller.federation()::equals).isPresent()).toList();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
