package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;

class HealthResourceTest {

    private static final Caller OPERATOR = new Caller(1, "support", "Sam Support", null, null, Set.of(),
        Set.of(OperatorRole.SUPPORT));
    private static final Caller MEMBER = new Caller(2, "saisie", "Sacha Saisie", "000000018", null,
        Set.of("CONSULT"), Set.of());

    private final HealthResource resource = new HealthResource(() -> List.of(
        indicator("database", HealthStatus.down("Base injoignable : connexion refusée.")),
        indicator("storage", HealthStatus.up("ok")), indicator("identity", HealthStatus.up("ok")),
        indicator("extender", HealthStatus.up("ok"))));

    @AfterEach
    void clear() {
        Call.clear();
    }

    @Test
    void anAnonymousCallerGetsOnlyTheOverallStatus() {
        Call.set(new Call(null, "127.0.0.1", false, null, null));
        Response response = resource.health();
        assertEquals(503, response.getStatus());
        assertEquals(new HealthResource.Status("DOWN", true), response.getEntity());
    }

    @Test
    void anOrganisationMemberGetsOnlyTheOverallStatus() {
        Call.set(new Call(MEMBER, "127.0.0.1", false, null, null));
        assertEquals(new HealthResource.Status("DOWN", true), resource.health().getEntity());
    }

    @Test
    void anOperatorGetsTheStateOfEachComponent() {
        Call.set(new Call(OPERATOR, "127.0.0.1", false, null, null));
        HealthResource.Health health = (HealthResource.Health) resource.health().getEntity();
        assertEquals("DOWN", health.status());
        assertEquals(new HealthResource.ComponentHealth("DOWN", "Base injoignable : connexion refusée."),
            health.components().get("database"));
        assertEquals("UP", health.components().get("extender").status());
    }

    private static HealthIndicator indicator(String component, HealthStatus status) {
        return new HealthIndicator() {
            @Override
            public String component() {
                return component;
            }

            @Override
            public HealthStatus check() {
                return status;
            }
        };
    }
}
