/** The workflow of dossiers: steps, transitions and their history, and the notifications they raise. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.liasse.api.workflow;
