package org.liasse.rest;

import java.util.List;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;

import org.liasse.api.error.LiasseException;

/** Checks shared by resources that read a JSON body. */
final class Json {

    private Json() {
    }

    /** The revision in an {@code If-Match} header: 428 when missing, 412 when not a revision. */
    static long revision(String ifMatch) {
        try {
            return Long.parseLong(tag(ifMatch));
        } catch (IllegalArgumentException e) {
            throw new LiasseException(412, "etag-invalide", "L'en-tête If-Match ne correspond à aucune version.");
        }
    }

    /** The entity tag in an {@code If-Match} header: 428 when missing, 412 when malformed. */
    static String tag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new LiasseException(428, "if-match-requis",
                "L'en-tête If-Match est obligatoire : renvoyez l'ETag lu avant de modifier.");
        }
        try {
            return EntityTag.valueOf(ifMatch.strip()).getValue();
        } catch (IllegalArgumentException e) {
            throw new LiasseException(412, "etag-invalide", "L'en-tête If-Match ne correspond à aucune version.");
        }
    }

    /**
     * An answer with {@code entity} and its revision as ETag. A resource reads the revision before the entity, so
     * that the tag is never newer than what the client saw (at worst, a write gets a 412 it did not need).
     */
    static Response tagged(Object entity, long revision) {
        return Response.ok(entity).tag(new EntityTag(Long.toString(revision))).build();
    }

    /** Refuses a missing body. */
    static <T> T require(T body) {
        if (body == null) {
            throw new LiasseException(400, "corps-manquant", "Le corps de la requête (JSON) est obligatoire.", List.of());
        }
        return body;
    }
}
