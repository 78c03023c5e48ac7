/** Organisations, campaigns and dossiers with their cell values. */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.liasse.api.dossier;
