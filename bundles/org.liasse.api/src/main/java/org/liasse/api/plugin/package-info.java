/** The plugin registry: which plugin bundles are loaded, their state and what they provide. */
@org.osgi.annotation.versioning.Version("1.6.0")
package org.liasse.api.plugin;
