package org.liasse.api.transmission;

import java.util.List;

import org.liasse.api.identity.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The outbox: deliveries of transmitted dossiers, their attempts and receipts, and the signed statements they
 * carry. A worker delivers pending ones through the recipients' channels with retries and a backoff.
 */
@ProviderType
public interface DeliveryService {

    /** The deliveries of a dossier. */
    List<Delivery> deliveries(long dossierId);

    /** The deliveries of a campaign, optionally only those with a status ({@code null}: all). */
    List<Delivery> campaignDeliveries(int year, DeliveryStatus status);

    /** One delivery (404 when unknown). */
    Delivery delivery(long id);

    /** The attempts of a delivery, oldest first. */
    List<DeliveryAttempt> attempts(long deliveryId);

    /**
     * Puts a delivery back in the outbox for an immediate attempt with the same idempotency key, e.g. after the
     * operator fixed a recipient's settings or the recipient asks again.
     */
    Delivery redeliver(long deliveryId, Caller caller);

    /** The statements signed for a dossier, newest first. */
    List<SignedStatementInfo> statements(long dossierId);

    /** A signed statement's PDF ({@code pdf}) or signed data file ({@code data}); 404 when unknown. */
    ParcelFile statementFile(long dossierId, long statementId, String kind);
}
