/** The exchange space of a dossier: files attached to it, checked on their content, stored outside the web root. */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.liasse.api.attachment;
