/** Errors with a stable code and a French message, mapped to RFC 9457 problem+json by the REST layer. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.liasse.api.error;
