/**
 * Exchanges between partners' servers: server identity, registered peers, signed requests, transfers of dossier
 * values (« Rapatrier »), the sync log and the organisations' consents.
 */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.liasse.api.peer;
