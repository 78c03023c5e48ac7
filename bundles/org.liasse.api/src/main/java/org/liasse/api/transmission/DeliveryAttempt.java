package org.liasse.api.transmission;

import java.time.Instant;

/**
 * One attempt to deliver.
 *
 * @param at        when
 * @param succeeded whether the recipient took it
 * @param message   receipt or failure, in French
 * @param actor     {@code outbox} for the worker, the operator's login for a re-delivery request
 */
public record DeliveryAttempt(Instant at, boolean succeeded, String message, String actor) {
}
