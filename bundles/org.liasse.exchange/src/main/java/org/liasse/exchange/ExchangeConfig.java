package org.liasse.exchange;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the files imported into dossiers ({@code etc/org.liasse.exchange.cfg}). */
@ObjectClassDefinition(name = "Liasse file exchange")
public @interface ExchangeConfig {

    /** Configuration PID. */
    String PID = "org.liasse.exchange";
    /** Default of {@link #imports_concurrent}. */
    int CONCURRENT = 2;
    /** Default of {@link #imports_wait_seconds}. */
    int WAIT_SECONDS = 20;

    /** Files read at the same time; the next ones wait their turn. */
    @AttributeDefinition(description = "Nombre d'imports lus en même temps ; les suivants attendent leur tour")
    int imports_concurrent() default CONCURRENT;

    /** How long an import waits for its turn before it is refused (429, retry later). */
    @AttributeDefinition(description = "Attente maximale de son tour par un import (secondes), avant un refus à réessayer")
    int imports_wait_seconds() default WAIT_SECONDS;
}
