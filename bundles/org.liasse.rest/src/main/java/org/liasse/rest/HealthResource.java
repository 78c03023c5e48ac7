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
import org.liasse.api.identity.Caller;

/**
 * {@code GET /api/v1/health}: 200 when every component is up, 503 otherwise. No authentication: anonymous callers
 * get the overall status only; operators (session or token) get the state of each component.
 */
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

    /** The overall status, all that an anonymous caller is told. */
    public record Status(String status) {
    }

    /** The report for operators. */
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
        String status = up ? "UP" : "DOWN";
        Caller caller = Call.current().caller();
        return Response.status(up ? 200 : 503)
            .entity(caller != null && caller.operator() ? new Health(status, components) : new Status(status)).build();
    }

    private static HealthStatus safeCheck(HealthIndicator indicator) {
        try {
            return indicator.check();
        } catch (RuntimeException e) {
            return HealthStatus.down("Le contrôle de santé a échoué.");
        }
    }
}
