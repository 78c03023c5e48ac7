package org.liasse.api.peer;

/**
 * A source a dossier can be filled from: a registered peer and the mapping that says which cells come from it.
 *
 * @param peer    peer server name
 * @param partner its partner code
 * @param mapping code of the plugin's mapping
 * @param title   French title of the mapping
 * @param source  questionnaire read on the peer
 * @param cells   how many cells the mapping fills in this dossier
 */
public record SyncOffer(String peer, String partner, String mapping, String title, String source, int cells) {
}
