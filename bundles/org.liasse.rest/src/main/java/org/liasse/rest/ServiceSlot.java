package org.liasse.rest;

import java.util.function.Supplier;

import org.liasse.api.error.LiasseException;

/**
 * A service that may come and go at run time; calls made while it is absent get a 503 problem rather than an
 * error page, so the API and its health report stay up while a core bundle restarts.
 */
final class ServiceSlot<T> implements Supplier<T> {

    private final String description;
    private volatile T service;

    ServiceSlot(String description) {
        this.description = description;
    }

    void set(T service) {
        this.service = service;
    }

    void clear(T gone) {
        if (service == gone) {
            service = null;
        }
    }

    @Override
    public T get() {
        T current = service;
        if (current == null) {
            throw new LiasseException(503, "service-indisponible",
                "Le service « " + description + " » est momentanément indisponible ; réessayez dans quelques instants.");
        }
        return current;
    }
}
