package org.liasse.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginRegistry;

/**
 * {@code liasse:plugin-rollback <plugin>}: restores the previous version of a plugin, as the REST operation does,
 * and records it in the audit log under the shell user.
 */
@Command(scope = "liasse", name = "plugin-rollback", description = "Rétablit la version précédente d'un plugin.")
@Service
public class PluginRollbackCommand implements Action {

    @Reference
    PluginRegistry plugins;

    @Reference
    AuditLog audit;

    @Argument(index = 0, name = "plugin", description = "Identifiant du plugin (nom symbolique du bundle)",
        required = true)
    String plugin;

    @Override
    public Object execute() {
        String actor = "shell:" + System.getProperty("user.name");
        PluginInfo restored = plugins.rollback(plugin, actor);
        audit.record(new AuditEvent("plugin.retour-arriere", actor, null, null, plugin, restored.activeVersion()));
        System.out.println("Plugin " + plugin + " : version " + restored.activeVersion() + " active (version "
            + "précédente " + restored.previousVersion() + ").");
        return null;
    }
}
