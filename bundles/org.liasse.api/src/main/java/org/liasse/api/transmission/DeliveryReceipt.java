package org.liasse.api.transmission;

/**
 * The acknowledgement of a recipient (accusé de réception).
 *
 * @param reference what identifies the delivery at the recipient: remote path, message identifier, receipt number
 * @param detail    French description, e.g. « Déposé sur sftp://… (2 fichiers, 48 213 octets) »
 */
public record DeliveryReceipt(String reference, String detail) {
}
