package org.liasse.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component whose state {@code GET /api/v1/health} reports. Register implementations as OSGi services.
 */
@ConsumerType
public interface HealthIndicator {

    /** Component name shown in the health report, e.g. {@code database}. */
    String component();

    /** Checks the component now; must not throw and should answer within two seconds. */
    HealthStatus check();
}
