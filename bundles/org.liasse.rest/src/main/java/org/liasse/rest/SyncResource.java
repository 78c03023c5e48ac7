package org.liasse.rest;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.peer.PeerService;
import org.liasse.api.peer.SyncEntry;
import org.liasse.api.peer.SyncJournal;
import org.liasse.api.peer.SyncOffer;
import org.liasse.api.peer.SyncResult;

/** « Rapatrier » on a dossier: what it can be filled from, its transfers, and bringing its shared cells in. */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final Supplier<PeerService> peers;
    private final Supplier<SyncJournal> journal;
    private final Supplier<DossierService> dossiers;

    SyncResource(Supplier<PeerService> peers, Supplier<SyncJournal> journal, Supplier<DossierService> dossiers) {
        this.peers = peers;
        this.journal = journal;
        this.dossiers = dossiers;
    }

    /**
     * What a dossier can be filled from, and its transfers.
     *
     * @param offers the peers and mappings available
     * @param log    the transfers of the dossier, newest first
     */
    public record DossierSyncs(List<SyncOffer> offers, List<SyncEntry> log) {
    }

    /** The peers and mappings a dossier can be filled from, and its transfers. */
    @GET
    @Path("{id}/syncs")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public DossierSyncs dossierSyncs(@PathParam("id") long id) {
        Dossier dossier = dossiers.get().find(id)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
        List<SyncEntry> log = journal.get().list(dossier.siren(), null, ServerResource.LOG_LIMIT).stream()
            .filter(entry -> entry.year() == dossier.year()
                && Objects.equals(entry.questionnaire(), dossier.questionnaireCode())).toList();
        return new DossierSyncs(peers.get().offers(id), log);
    }

    /**
     * « Rapatrier »: brings the dossier's mapped cells in from a peer as one atomic change ({@code If-Match}: the
     * dossier's revision); 409 {@code conflits-rapatriement} with {@code conflicts} when cells edited here would be
     * overwritten, unless {@code remplacer=true}. A {@code transfert} id already applied is not applied again.
     */
    @POST
    @Path("{id}/syncs")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.IMPORT,
        perimeter = Access.Scope.TARGET)
    public SyncResult pull(@PathParam("id") long id, @QueryParam("serveur") String peer,
                           @QueryParam("transfert") String transfer,
                           @QueryParam("remplacer") @DefaultValue("false") boolean replace,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return peers.get().pull(id, Json.revision(ifMatch), peer, transfer, replace, Call.current().actor());
    }
}
