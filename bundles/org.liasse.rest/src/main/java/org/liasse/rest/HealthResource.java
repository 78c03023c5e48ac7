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
 * get the overall status and readiness only; operators (session or token) get the state of each component. The
 * report says {@code ready} once the server has started: the migrations done and the recorded plugin versions
 * active (components {@code storage} and {@code extender} up); writes are refused with 503 until then.
 */
@Path("/health")
public class HealthResource {

    /** Components that must report for the platform to be up. */
    static final List<String> REQUIRED = List.of("database", "storage", "identity", "extender");
    /** Components that must be up before a write is accepted. */
    private static final List<String> STARTUP = List.of("storage", "extender");

    private final Supplier<List<HealthIndicator>> indicators;

    HealthResource(Supplier<List<HealthIndicator>> indicators) {
        this.indicators = indicators;
    }

    /** One component's state in the report. */
    public record ComponentHealth(String status, String detail) {
    }

    /** The overall status and readiness, all that an anonymous caller is told. */
    public record Status(String status, boolean ready) {
    }

    /** The report for operators. */
    public record Health(String status, boolean ready, Map<String, ComponentHealth> components) {
    }

    /** Whether the server has started: the components writes depend on are present and up. */
    static boolean ready(List<HealthIndicator> indicators) {
        return STARTUP.stream().allMatch(component -> indicators.stream()
            .anyMatch(i -> i.component().equals(component) && safeCheck(i).up()));
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
        boolean ready = STARTUP.stream().allMatch(c -> "UP".equals(components.get(c).status()));
        String status = up ? "UP" : "DOWN";
        Caller caller = Call.current().caller();
        return Response.status(up ? 200 : 503).entity(caller != null && caller.operator()
            ? new Health(status, ready, components) : new Status(status, ready)).build();
    }

    private static HealthStatus safeCheck(HealthIndicator indicator) {
        try {
            return indicator.check();
        } catch (RuntimeException e) {
            return HealthStatus.down("Le contrôle de santé a échoué.");
        }
    }
}
