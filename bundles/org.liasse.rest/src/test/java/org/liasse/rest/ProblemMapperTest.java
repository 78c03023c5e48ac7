package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;

import org.junit.jupiter.api.Test;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void liasseExceptionsKeepTheirStatusCodeAndFieldErrors() {
        Response response = mapper.toResponse(LiasseException.invalid("saisie-invalide", "Une cellule est invalide.",
            List.of(new FieldError("F.R.C", "nombre-invalide", "« x » n'est pas un nombre."))));

        assertEquals(422, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("saisie-invalide", problem.code());
        assertEquals("urn:liasse:probleme:saisie-invalide", problem.type());
        assertEquals("Données invalides", problem.title());
        assertEquals("F.R.C", problem.errors().get(0).field());
    }

    @Test
    void jaxRsErrorsBecomeFrenchProblems() {
        assertEquals("ressource-inconnue", ((Problem) mapper.toResponse(new NotFoundException()).getEntity()).code());
        Response notAllowed = mapper.toResponse(new NotAllowedException("GET"));
        assertEquals(405, notAllowed.getStatus());
        assertEquals("GET", notAllowed.getHeaderString("Allow"));
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        Problem problem = ProblemMapper.problem(new JsonParseException(null, "Unexpected end-of-input"));
        assertEquals(400, problem.status());
        assertEquals("json-invalide", problem.code());
    }

    @Test
    void databaseFailuresAre503AndUnexpectedErrorsLeakNothing() {
        assertEquals(503, ProblemMapper.problem(new RuntimeException(new SQLTransientConnectionException("down"))).status());
        Problem internal = ProblemMapper.problem(new IllegalStateException("secret stack detail"));
        assertEquals(500, internal.status());
        assertFalse(internal.detail().contains("secret"));
    }
}
