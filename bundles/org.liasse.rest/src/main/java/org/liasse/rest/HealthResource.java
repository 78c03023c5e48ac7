package org.liasse.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;

/** {@code GET /api/v1/health}: UP/DOWN per component, 200 when all are up, 503 otherwise. No authentication. */
@Path("/health")
public class HealthResource {

    /** Components that must report for the platform to be up. */
    static final List<String> REQUIRED = List.of("database", "storage", "identity", "extender");

    private final Supplier<List<HealthIndicator>> indicators;

    HealthResource(Supplier<List<HealthIndicator>> indicators) {
        this.indicators = indicators;
    }

    /** One component's state in the report. */
    public record ComponentHealth(String status, String detail) {
    }

    /** The report. */
    public record Health(String status, Map<String, ComponentHealth> components) {
    }

    /** Checks every component now. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Response health() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        for (String required : REQUIRED) {
            components.put(required, new ComponentHealth("DOWN", "Composant non démarré."));
        }
        for (HealthIndicator indicator : indicators.get()) {
            HealthStatus status = safeCheck(indicator);
            components.put(indicator.component(), new ComponentHealth(status.up() ? "UP" : "DOWN", status.detail()));
        }
        boolean up = components.values().stream().allMatch(c -> "UP".equals(c.status()));
        return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN", components)).build();
    }

    private static HealthStatus safeCheck(HealthIndicator indicator) {
        try {
            return indicator.check();
        } catch (RuntimeException e) {
            return HealthStatus.down("Le contrôle de santé a échoué.");
        }
    }
}
