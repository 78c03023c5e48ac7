package org.liasse.rest;

import java.util.List;

import org.liasse.api.error.LiasseException;

/** Checks shared by resources that read a JSON body. */
final class Json {

    private Json() {
    }

    /** Refuses a missing body. */
    static <T> T require(T body) {
        if (body == null) {
            throw new LiasseException(400, "corps-manquant", "Le corps de la requête (JSON) est obligatoire.", List.of());
        }
        return body;
    }
}
