package org.liasse.rest;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

/**
 * Builds the OpenAPI 3.0 document of the API from the JAX-RS annotations of the published resources, so the
 * document always lists exactly the operations that exist.
 */
final class OpenApi {

    private OpenApi() {
    }

    /** One published operation. */
    record Operation(String method, String path, Method javaMethod) {
    }

    /** The path template of a resource method, e.g. {@code /dossiers/{id}/values}. */
    static String path(Class<?> resource, Method method) {
        return join(pathOf(resource.getAnnotation(Path.class)), pathOf(method.getAnnotation(Path.class)));
    }

    /** Every operation of the resource classes, sorted by path then method. */
    static List<Operation> operations(List<Class<?>> resources) {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    operations.add(new Operation(http, path(resource, method), method));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    /** The OpenAPI document, as a JSON-ready map. */
    static Map<String, Object> document(List<Class<?>> resources, String version) {
        Map<String, Object> paths = new TreeMap<>();
        for (Operation operation : operations(resources)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(operation.path(), p -> new LinkedHashMap<>());
            item.put(operation.method().toLowerCase(Locale.ROOT), describe(operation));
        }
        Map<String, Object> problem = Map.of("type", "object", "properties", Map.of(
            "type", Map.of("type", "string"), "title", Map.of("type", "string"), "status", Map.of("type", "integer"),
            "detail", Map.of("type", "string"), "code", Map.of("type", "string"),
            "errors", Map.of("type", "array", "items", Map.of("type", "object"))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "API Liasse", "version", version,
            "description", "API REST de la plateforme Liasse. Les erreurs suivent la RFC 9457 (application/problem+json)."));
        doc.put("servers", List.of(Map.of("url", "/api/v1")));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", Map.of("Problem", problem)));
        return doc;
    }

    private static Map<String, Object> describe(Operation operation) {
        Map<String, Object> description = new LinkedHashMap<>();
        Method method = operation.javaMethod();
        description.put("operationId", method.getDeclaringClass().getSimpleName() + "." + method.getName());
        Access access = method.getAnnotation(Access.class);
        if (access != null) {
            description.put("x-liasse-access", Map.of("level", access.value().name(), "right", access.right(),
                "operators", Arrays.stream(access.operators()).map(Enum::name).toList(), "target", access.target().name()));
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Annotation[] annotations = parameter.getAnnotations();
            if (annotations.length == 0) {
                description.put("requestBody", Map.of("required", true, "content",
                    parameter.getType() == InputStream.class
                        ? Map.of("application/octet-stream", Map.of("schema", Map.of("type", "string", "format", "binary")))
                        : Map.of("application/json",
                            Map.of("schema", Map.of("type", "object", "title", parameter.getType().getSimpleName())))));
            }
            for (Annotation annotation : annotations) {
                if (annotation instanceof PathParam path) {
                    parameters.add(parameter(path.value(), "path", parameter.getType()));
                } else if (annotation instanceof QueryParam query) {
                    parameters.add(parameter(query.value(), "query", parameter.getType()));
                } else if (annotation instanceof HeaderParam header) {
                    parameters.add(parameter(header.value(), "header", parameter.getType()));
                }
            }
        }
        if (!parameters.isEmpty()) {
            description.put("parameters", parameters);
        }
        description.put("responses", Map.of(
            "2XX", Map.of("description", "Succès", "content", Map.of("application/json", Map.of("schema", Map.of()))),
            "default", Map.of("description", "Erreur", "content", Map.of(Problem.MEDIA_TYPE,
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))))));
        return description;
    }

    private static Map<String, Object> parameter(String name, String in, Class<?> type) {
        String schemaType = type == int.class || type == long.class || type == Integer.class || type == Long.class
            ? "integer" : "string";
        return Map.of("name", name, "in", in, "required", !"query".equals(in), "schema", Map.of("type", schemaType));
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
            .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
            .filter(Objects::nonNull)
            .map(HttpMethod::value)
            .findFirst().orElse(null);
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
