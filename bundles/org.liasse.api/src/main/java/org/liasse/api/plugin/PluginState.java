package org.liasse.api.plugin;

/** Lifecycle state of a plugin as seen by the extender. */
public enum PluginState {
    /** Its definitions are in use. */
    ACTIVE,
    /** Its latest version was refused; a previously active version may still be in use. */
    REJECTED,
    /** Stopped or uninstalled: its definitions are no longer offered, data entered under them is kept. */
    INACTIVE
}
