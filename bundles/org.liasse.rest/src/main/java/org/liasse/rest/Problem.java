package org.liasse.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.liasse.api.error.FieldError;
import org.liasse.api.format.FrenchFormat;

/**
 * An RFC 9457 problem document.
 *
 * @param type   URI identifying the kind of problem
 * @param title  short French summary of the kind of problem
 * @param status HTTP status
 * @param detail French explanation of this occurrence
 * @param code   stable code for programs
 * @param errors per-field errors, omitted when empty
 * @param properties extension members written at the top level of the document (e.g. {@code changes})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
               @JsonAnyGetter Map<String, Object> properties) {

    /** Media type of problem documents. */
    static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String code, String detail, List<FieldError> errors) {
        return of(status, code, detail, errors, Map.of());
    }

    /** A problem; its French texts are written with typographic apostrophes (« n’est »). */
    static Problem of(int status, String code, String detail, List<FieldError> errors, Map<String, Object> properties) {
        return new Problem("urn:liasse:probleme:" + code, title(status), status, FrenchFormat.typography(detail), code,
            errors == null ? null : errors.stream().map(error -> new FieldError(error.field(), error.code(),
                FrenchFormat.typography(error.message()))).toList(), properties);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Méthode non autorisée";
            case 406 -> "Format de réponse non disponible";
            case 409 -> "Conflit";
            case 412 -> "Version périmée";
            case 413 -> "Contenu trop volumineux";
            case 415 -> "Format de requête non pris en charge";
            case 422 -> "Données invalides";
            case 428 -> "Précondition requise";
            case 503 -> "Service indisponible";
            default -> status >= 500 ? "Erreur interne" : "Erreur";
        };
    }
}
