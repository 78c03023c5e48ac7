/** Verification runs of dossiers: stored control outcomes, aggregates, and the justifications of warnings. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.liasse.api.verification;
