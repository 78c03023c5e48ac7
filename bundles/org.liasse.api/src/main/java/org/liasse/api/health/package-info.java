/** Health indicators reported by {@code GET /api/v1/health}. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.liasse.api.health;
