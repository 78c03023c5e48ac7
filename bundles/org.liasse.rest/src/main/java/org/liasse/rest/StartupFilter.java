package org.liasse.rest;

import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.ext.Provider;

import org.liasse.api.error.LiasseException;

/**
 * Refuses writes with 503 and {@code Retry-After} while the server starts (see {@link HealthResource#ready}), so
 * that a save arriving before the recorded plugins are active is told to come back, never that its questionnaire
 * is retired.
 */
@Provider
@PreMatching
class StartupFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final BooleanSupplier ready;

    StartupFilter(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!SAFE.contains(request.getMethod()) && !ready.getAsBoolean()) {
            throw new LiasseException(503, "serveur-demarre",
                "Le serveur démarre ; réessayez dans quelques secondes.");
        }
    }
}
