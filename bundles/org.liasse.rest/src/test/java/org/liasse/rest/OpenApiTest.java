package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OpenApiTest {

    private static final List<Class<?>> RESOURCES = List.of(HealthResource.class, PluginResource.class,
        OrganisationResource.class, CampaignResource.class, DossierResource.class, SessionResource.class,
        MeResource.class, UserResource.class, OperatorResource.class, CatalogueResource.class, AuditResource.class,
        OpenApiResource.class);

    @Test
    void everyAnnotatedMethodIsAnOperation() {
        List<String> operations = OpenApi.operations(RESOURCES).stream().map(o -> o.method() + " " + o.path()).toList();

        assertTrue(operations.contains("GET /health"), operations.toString());
        assertTrue(operations.contains("GET /plugins/{id}"), operations.toString());
        assertTrue(operations.contains("PATCH /dossiers/{id}/values"), operations.toString());
        assertTrue(operations.contains("GET /openapi.json"), operations.toString());
        assertEquals(operations.stream().distinct().count(), operations.size(), "no duplicate operation");
        for (OpenApi.Operation operation : OpenApi.operations(RESOURCES)) {
            assertTrue(operation.javaMethod().isAnnotationPresent(Access.class), operation + " declares its access");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentDescribesParametersBodiesAndProblems() {
        Map<String, Object> document = OpenApi.document(RESOURCES, "1.2.3");
        assertEquals("3.0.3", document.get("openapi"));
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> patch = (Map<String, Object>) ((Map<String, Object>) paths.get("/dossiers/{id}/values")).get("patch");

        List<Map<String, Object>> parameters = (List<Map<String, Object>>) patch.get("parameters");
        assertEquals(List.of("id", "If-Match"), parameters.stream().map(p -> p.get("name")).toList());
        assertTrue(patch.containsKey("requestBody"));
        assertTrue(patch.toString().contains("application/problem+json"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadTakesTheRawFile() {
        Map<String, Object> paths = (Map<String, Object>) OpenApi.document(List.of(AttachmentResource.class), "1").get("paths");
        Map<String, Object> upload = (Map<String, Object>) ((Map<String, Object>) paths.get("/dossiers/{id}/pieces")).get("post");
        assertTrue(upload.get("requestBody").toString().contains("application/octet-stream"), upload.toString());
        assertTrue(((Map<String, Object>) paths.get("/dossiers/{id}/pieces/{piece}")).keySet().containsAll(List.of("get", "delete")));
    }
}
