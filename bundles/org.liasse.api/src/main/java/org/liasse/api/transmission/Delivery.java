package org.liasse.api.transmission;

import java.time.Instant;

/**
 * One recipient's copy of one transmitted dossier, from the outbox.
 *
 * @param id               identifier
 * @param dossierId        dossier
 * @param siren            organisation
 * @param year             campaign year
 * @param questionnaire    questionnaire code
 * @param recipientCode    recipient
 * @param recipientName    its name
 * @param channel          channel type
 * @param idempotencyKey   the same for every attempt: the recipient never gets it twice
 * @param status           status
 * @param attempts         attempts made
 * @param nextAttemptAt    when the next attempt is due ({@code null} unless pending)
 * @param lastError        French message of the last failure, empty when none
 * @param receiptReference acknowledgement reference, empty until delivered
 * @param receiptDetail    acknowledgement detail, empty until delivered
 * @param createdAt        when the dossier was transmitted
 * @param deliveredAt      when it was acknowledged, {@code null} until then
 */
public record Delivery(long id, long dossierId, String siren, int year, String questionnaire, String recipientCode,
                       String recipientName, String channel, String idempotencyKey, DeliveryStatus status,
                       int attempts, Instant nextAttemptAt, String lastError, String receiptReference,
                       String receiptDetail, Instant createdAt, Instant deliveredAt) {
}
