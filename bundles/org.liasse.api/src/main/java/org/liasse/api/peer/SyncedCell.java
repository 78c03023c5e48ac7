package org.liasse.api.peer;

/**
 * One cell a transfer brings in, or would bring in but for a local edit.
 *
 * @param cell     receiving cell code
 * @param source   source cell code on the peer
 * @param local    value in the dossier before the transfer, {@code null} when empty
 * @param synced   value brought by the previous transfer from this peer, {@code null} when none
 * @param incoming value sent by the peer, {@code null} when empty
 */
public record SyncedCell(String cell, String source, String local, String synced, String incoming) {
}
