package org.liasse.rest;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code GET /api/v1/openapi.json}: the OpenAPI document of the published operations. */
@Path("/openapi.json")
public class OpenApiResource {

    private final Map<String, Object> document;

    OpenApiResource(Map<String, Object> document) {
        this.document = document;
    }

    /** The document. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Map<String, Object> document() {
        return document;
    }
}
