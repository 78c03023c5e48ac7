package org.liasse.api.peer;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Exchanges between partners' servers: this server's identity, the peers registered by configuration, bringing a
 * dossier's values in from a peer (« Rapatrier ») and answering the peers' signed requests.
 */
@ProviderType
public interface PeerService {

    /** This server's identity and certificate. */
    ServerIdentity identity();

    /** The registered peers, sorted by name. */
    List<Peer> peers();

    /** The peers and mappings a dossier can be filled from, per the active plugins. */
    List<SyncOffer> offers(long dossierId);

    /**
     * Brings a dossier's mapped cells in from a peer as one atomic change, marked with its origin. Refused (nothing
     * written) when a cell was edited locally since the last transfer and differs from the incoming value, unless
     * {@code replace}; when the peer refuses, cannot be reached, or its answer is not signed by its certificate or
     * does not match its digest; and by the dossier's save rules (revision, protected dossier, closed campaign).
     *
     * @param dossierId        receiving dossier
     * @param expectedRevision the revision the client last read
     * @param peer             peer server name
     * @param transferId       the transfer's id; a transfer already applied under this id is not applied again
     * @param replace          whether to overwrite cells edited locally
     * @param actor            login of who asks
     */
    SyncResult pull(long dossierId, long expectedRevision, String peer, String transferId, boolean replace, String actor);

    /** Answers a peer's signed request for a dossier's values; the answer is signed. */
    PeerMessage answerTransfer(PeerMessage request);

    /** Records a peer's signed acknowledgement of a transfer (the digest it stored); the answer is signed. */
    PeerMessage answerAcknowledgement(PeerMessage request);
}
