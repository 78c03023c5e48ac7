/** Organisations, campaigns and dossiers with their cell values. */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.liasse.api.dossier;
