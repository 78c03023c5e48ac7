package org.liasse.peer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON messages of a transfer between servers, and the digest of the data it carries. */
final class Transfer {

    private Transfer() {
    }

    /**
     * What the requesting server asks for.
     *
     * @param transferId    id chosen by the requester, reused on retries
     * @param siren         organisation
     * @param year          campaign year
     * @param questionnaire source questionnaire
     * @param cells         source cells wanted
     * @param actor         login of who asked, on the requesting server
     */
    record Request(String transferId, String siren, int year, String questionnaire, List<String> cells, String actor) {
    }

    /**
     * What the answering server sends.
     *
     * @param transferId    the request's transfer id
     * @param siren         organisation
     * @param year          campaign year
     * @param questionnaire source questionnaire
     * @param version       its version
     * @param revision      revision of the source dossier read
     * @param values        every requested cell to its value ({@code null} when empty)
     * @param digest        {@link #digest} of the data
     */
    record Answer(String transferId, String siren, int year, String questionnaire, String version, long revision,
                  Map<String, String> values, String digest) {
    }

    /**
     * The requester's acknowledgement.
     *
     * @param transferId the transfer
     * @param digest     digest of the data it received and checked
     * @param result     its outcome code
     */
    record Acknowledgement(String transferId, String digest, String result) {
    }

    /**
     * The answer to an acknowledgement.
     *
     * @param transferId the transfer
     * @param result     what the answering server recorded
     */
    record Acknowledged(String transferId, String result) {
    }

    /** SHA-256 of the canonical text of the data: organisation, year, questionnaire, then sorted cells and values. */
    static String digest(String siren, int year, String questionnaire, Map<String, String> values) {
        StringBuilder text = new StringBuilder("liasse-transfert/1\n").append(siren).append('\n').append(year)
            .append('\n').append(questionnaire).append('\n');
        new TreeMap<>(values).forEach((cell, value) -> text.append(cell).append(value == null ? "" : "=" + value)
            .append('\n'));
        return PeerProtocol.sha256(text.toString());
    }
}
