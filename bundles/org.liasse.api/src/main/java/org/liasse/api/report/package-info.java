/**
 * Reports: the service that lists and generates the reports plugins declare (per dossier, per campaign), and the
 * renderer SPI a report bundle implements to draw a kind of report to PDF and XLSX from data read in bulk.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.liasse.api.report;
