/** The append-only, hash-chained audit log. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.liasse.api.audit;
