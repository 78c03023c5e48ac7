package org.liasse.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the outbox worker that delivers transmitted statements ({@code etc/org.liasse.outbox.cfg}). */
@ObjectClassDefinition(name = "Liasse outbox")
public @interface OutboxConfig {

    /** Configuration PID. */
    String PID = "org.liasse.outbox";

    /** Seconds between two looks at the outbox (a transmission also wakes the worker at once). */
    @AttributeDefinition(description = "Secondes entre deux passages du livreur")
    int poll_seconds() default 10;

    /** Delay before the first retry, in seconds; doubled at each failure. */
    @AttributeDefinition(description = "Délai avant la première nouvelle tentative (secondes), doublé à chaque échec")
    int backoff_seconds() default 60;

    /** Longest delay between two attempts, in seconds. */
    @AttributeDefinition(description = "Délai maximal entre deux tentatives (secondes)")
    int max_backoff_seconds() default 6 * 3600;

    /** Attempts before a delivery is marked failed and waits for an operator. */
    @AttributeDefinition(description = "Nombre de tentatives avant l'échec (l'opérateur peut relancer)")
    int max_attempts() default 12;

    /** Seconds a worker holds a delivery it is attempting; after that, another may take it over. */
    @AttributeDefinition(description = "Durée de réservation d'une livraison en cours (secondes)")
    int lease_seconds() default 300;
}
