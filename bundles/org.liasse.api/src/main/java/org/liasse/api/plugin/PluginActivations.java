package org.liasse.api.plugin;

import java.util.Map;
import java.util.Set;

import org.liasse.api.audit.AuditEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The stored history of plugin activations: the extender records there each decision to activate a version and
 * reads it at start-up, so that a restart activates exactly the recorded versions whatever the bundle start order.
 */
@ProviderType
public interface PluginActivations {

    /** The current decision of every plugin that has one, by plugin id. */
    Map<String, PluginActivation> current();

    /** Every version ever activated for a plugin. */
    Set<String> knownVersions(String plugin);

    /**
     * Records that a version of a plugin is now the active one; the version recorded until then becomes its
     * previous version. Recording the current version again changes nothing.
     *
     * @return the plugin's decision after the call
     */
    PluginActivation record(String plugin, String version, String activatedBy);

    /**
     * Records a version as {@link #record(String, String, String)} does and, in the same transaction, the audit
     * entry of a decision asked for by someone (a rollback): both are written or neither is.
     */
    PluginActivation record(String plugin, String version, String activatedBy, AuditEvent event);
}
