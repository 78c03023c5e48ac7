package org.liasse.api.health;

/**
 * Result of one health check.
 *
 * @param up     whether the component works
 * @param detail French detail for operators, never a stack trace
 */
public record HealthStatus(boolean up, String detail) {

    /** A working component. */
    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    /** A failing component. */
    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
