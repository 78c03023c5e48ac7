/**
 * Exchanges between partners' servers: server identity, registered peers, signed requests, transfers of dossier
 * values (« Rapatrier »), the sync log and the organisations' consents.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.liasse.api.peer;
