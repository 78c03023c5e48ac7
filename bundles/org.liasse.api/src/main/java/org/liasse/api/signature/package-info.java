/**
 * Electronic signature of statements: the platform renders a signed statement (PDF for people, data file for
 * machines) with a trusted timestamp, and verifies signed files uploaded back to it.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.liasse.api.signature;
