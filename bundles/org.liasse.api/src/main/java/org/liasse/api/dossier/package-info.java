/** Organisations, campaigns and dossiers with their cell values. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.liasse.api.dossier;
