/**
 * What the platform's PDFs share (signed statements, reports): embedded fonts, the PDF/A-2b declaration and the
 * structure tree of tagged PDFs.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.liasse.pdf;
