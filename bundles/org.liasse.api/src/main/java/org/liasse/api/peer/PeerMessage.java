package org.liasse.api.peer;

import java.util.List;
import java.util.Map;

/**
 * A request received from, or an answer sent to, another server: the signed parts as they travel.
 *
 * @param method  HTTP method ({@code null} for an answer)
 * @param path    request path with its query ({@code null} for an answer)
 * @param headers the protocol headers ({@code X-Liasse-*}), by name
 * @param body    the exact bytes of the body
 */
public record PeerMessage(String method, String path, Map<String, String> headers, byte[] body) {

    /** Header naming the server that signed the message. */
    public static final String SERVER = "X-Liasse-Serveur";
    /** Header carrying the signing time (ISO-8601 instant). */
    public static final String DATE = "X-Liasse-Date";
    /** Header carrying the request id, echoed by the answer. */
    public static final String REQUEST = "X-Liasse-Requete";
    /** Header carrying the base64 signature. */
    public static final String SIGNATURE = "X-Liasse-Signature";
    /** The protocol headers. */
    public static final List<String> HEADERS = List.of(SERVER, DATE, REQUEST, SIGNATURE);

    /** Defensive copy of the headers. */
    public PeerMessage {
        headers = Map.copyOf(headers);
    }
}
