package org.liasse.api.transmission;

/** Where a delivery stands. */
public enum DeliveryStatus {

    /** Waiting for its first or next attempt. */
    PENDING,
    /** The recipient acknowledged it. */
    DELIVERED,
    /** Attempts exhausted or refused for good; an operator may re-deliver it. */
    FAILED
}
