package org.liasse.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.liasse.api.plugin.PluginInfo;
import org.liasse.api.plugin.PluginRegistry;

/**
 * {@code liasse:plugin-rollback <plugin>}: restores the previous version of a plugin under the shell user, as the
 * REST operation does (the registry records the rollback and its audit entry in one transaction).
 */
@Command(scope = "liasse", name = "plugin-rollback", description = "Rétablit la version précédente d'un plugin.")
@Service
public class PluginRollbackCommand implements Action {

    @Reference
    PluginRegistry plugins;

    @Argument(index = 0, name = "plugin", description = "Identifiant du plugin (nom symbolique du bundle)",
        required = true)
    String plugin;

    @Override
    public Object execute() {
        String actor = "shell:" + System.getProperty("user.name");
        PluginInfo restored = plugins.rollback(plugin, actor);
        System.out.println("Plugin " + plugin + " : version " + restored.activeVersion() + " active (version "
            + "précédente " + restored.previousVersion() + ").");
        return null;
    }
}
