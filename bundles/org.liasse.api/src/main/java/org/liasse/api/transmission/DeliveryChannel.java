package org.liasse.api.transmission;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to hand a parcel to a recipient (directory drop, SFTP, email, HTTPS push…), published as an OSGi service.
 * The outbox worker calls it, retries failures with a backoff and records the receipt. A channel must be
 * idempotent on {@link Parcel#idempotencyKey()}: delivering the same parcel again must not give the recipient a
 * second copy (same file name, same message identifier, same request key).
 */
@ConsumerType
public interface DeliveryChannel {

    /** Channel type, as recipients name it in their settings, e.g. {@code sftp}. */
    String type();

    /**
     * Checks a recipient's settings before they are saved.
     *
     * @return French messages, one per problem, empty when the settings are usable
     */
    java.util.List<String> check(Map<String, String> settings);

    /**
     * Delivers a parcel.
     *
     * @param parcel   what to deliver
     * @param settings the recipient's channel settings (host, directory, address, URL…)
     * @return the receipt
     * @throws DeliveryException when the recipient did not take the parcel
     */
    DeliveryReceipt deliver(Parcel parcel, Map<String, String> settings) throws DeliveryException;
}
