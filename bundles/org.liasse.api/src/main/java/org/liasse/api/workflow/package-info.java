/**
 * The workflow of dossiers: steps, transitions and their history, the notifications they raise, the completion
 * dashboard of a campaign and the reminders before its deadlines.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.liasse.api.workflow;
