package org.liasse.rest;

import java.sql.SQLException;
import java.util.List;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.liasse.api.error.LiasseException;
import org.liasse.api.error.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception into RFC 9457 problem+json with a French detail; never leaks a stack trace. */
@Provider
class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** When a client should retry after a 503: the server is starting, or a service or the database is back. */
    static final long UNAVAILABLE_RETRY_SECONDS = 5;

    @Override
    public Response toResponse(Throwable error) {
        Problem problem = problem(error);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (error instanceof TooManyRequestsException tooMany) {
            response.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        } else if (problem.status() == 503) {
            response.header("Retry-After", Long.toString(UNAVAILABLE_RETRY_SECONDS));
        }
        if (error instanceof WebApplicationException web && problem.status() == 405) {
            String allow = web.getResponse().getHeaderString("Allow");
            if (allow != null) {
                response.header("Allow", allow);
            }
        }
        return response.build();
    }

    static Problem problem(Throwable error) {
        if (error instanceof LiasseException liasse) {
            return Problem.of(liasse.status(), liasse.code(), liasse.getMessage(), liasse.errors(), liasse.properties());
        }
        JsonProcessingException json = cause(error, JsonProcessingException.class);
        if (json != null) {
            String where = json.getLocation() == null ? ""
                : " (ligne " + json.getLocation().getLineNr() + ", colonne " + json.getLocation().getColumnNr() + ")";
            return Problem.of(400, "json-invalide", "Le corps de la requête n'est pas un JSON valide ou ne respecte pas "
                + "le format attendu" + where + ".", List.of());
        }
        if (cause(error, SQLException.class) != null) {
            LOG.warn("Base de données indisponible", error);
            return Problem.of(503, "base-indisponible",
                "La base de données est momentanément indisponible ; réessayez dans quelques instants.", List.of());
        }
        if (error instanceof WebApplicationException web) {
            return web(web.getResponse().getStatus());
        }
        LOG.error("Erreur inattendue", error);
        return Problem.of(500, "erreur-interne", "Une erreur inattendue s'est produite ; elle a été journalisée.", List.of());
    }

    private static Problem web(int status) {
        return switch (status) {
            case 404 -> Problem.of(404, "ressource-inconnue", "Cette adresse ne correspond à aucune ressource de l'API.", List.of());
            case 405 -> Problem.of(405, "methode-non-autorisee", "Cette méthode HTTP n'est pas autorisée sur cette ressource.", List.of());
            case 406 -> Problem.of(406, "format-non-disponible", "Cette ressource ne sait répondre qu'en JSON.", List.of());
            case 415 -> Problem.of(415, "format-non-pris-en-charge", "Envoyez le corps de la requête en JSON (application/json).", List.of());
            case 400 -> Problem.of(400, "requete-invalide", "La requête est mal formée.", List.of());
            default -> Problem.of(status, "erreur-http-" + status, "La requête n'a pas pu aboutir.", List.of());
        };
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
