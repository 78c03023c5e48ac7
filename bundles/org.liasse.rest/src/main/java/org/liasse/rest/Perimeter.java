package org.liasse.rest;

import java.util.Objects;

import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.Caller;

/** Checks that data sent by a federation operator stays in the operator's federation. */
final class Perimeter {

    private Perimeter() {
    }

    /** Refuses (403) a federation operator acting on another federation; national operators act on all. */
    static void require(Caller caller, String federation) {
        if (caller.federation() != null && !Objects.equals(caller.federation(), federation)) {
            throw new LiasseException(403, "acces-refuse",
                "Cette organisation est hors du périmètre de votre fédération (" + caller.federation() + ").");
        }
    }
}
