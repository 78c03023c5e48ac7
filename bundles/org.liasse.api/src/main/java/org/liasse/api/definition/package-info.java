/** Definitions that plugins declare under {@code META-INF/liasse/}: questionnaires, controls, reports, messages. */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.liasse.api.definition;
