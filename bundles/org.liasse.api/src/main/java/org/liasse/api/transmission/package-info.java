/**
 * Transmission of signed statements: the recipients registry, the transmission matrix and organisations' choices,
 * the outbox of deliveries with their receipts, and the {@link org.liasse.api.transmission.DeliveryChannel} SPI
 * through which deliveries leave the platform.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.liasse.api.transmission;
