/**
 * Verification runs of dossiers: stored control outcomes, aggregates, the justifications of warnings, and the impact
 * reports of background re-verifications after the controls changed.
 */
@org.osgi.annotation.versioning.Version("3.0.0")
package org.liasse.api.verification;
