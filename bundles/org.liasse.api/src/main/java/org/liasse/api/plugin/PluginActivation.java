package org.liasse.api.plugin;

import java.time.Instant;

/**
 * The recorded decision of which version of a plugin is active.
 *
 * @param plugin          plugin id (the bundle symbolic name)
 * @param version         the version to activate, at start-up as well
 * @param previousVersion the version active before it, which a rollback restores, or {@code null}
 * @param activatedBy     who or what decided it: an operator's login, {@code shell:<user>}, or the event (e.g.
 *                        {@code déploiement}, {@code retrait de 0.3.0})
 * @param activatedAt     when it was decided
 */
public record PluginActivation(String plugin, String version, String previousVersion, String activatedBy,
                               Instant activatedAt) {
}
