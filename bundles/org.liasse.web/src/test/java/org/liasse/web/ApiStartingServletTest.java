package org.liasse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What {@code /api} answers before the REST API is published. */
class ApiStartingServletTest {

    @Test
    void anyCallBeforeTheApiIsPublishedGetsTheStartingProblem() throws Exception {
        FakeHttp.Recorded recorded = new FakeHttp.Recorded();

        new ApiStartingServlet().service(FakeHttp.request("/api/v1/health", Map.of()), recorded.response());

        assertEquals(503, recorded.status);
        assertEquals("5", recorded.headers.get("Retry-After"));
        assertTrue(recorded.headers.get("Content-Type").startsWith("application/problem+json"));
        String body = recorded.body.toString(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"code\":\"serveur-demarre\"") && body.contains("\"status\":503")
            && body.contains("Le serveur démarre"), body);
    }
}
