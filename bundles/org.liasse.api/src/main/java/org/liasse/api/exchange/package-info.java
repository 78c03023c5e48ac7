/**
 * Import and export of dossier values in the files that management software produces: CSV, XLSX and XML, read
 * through a {@link org.liasse.api.definition.MappingDefinition} (the built-in one uses cell codes), checked line by
 * line in a dry run, then applied atomically.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.liasse.api.exchange;
