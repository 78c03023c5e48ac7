package org.liasse.peer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liasse.api.error.LiasseException;
import org.liasse.api.peer.Peer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed requests to a peer and checks its signed answers. Dropped connections, timeouts and 5xx answers are
 * retried with exponential backoff under the same request id; a refusal (4xx) or an answer that is not signed by the
 * peer's certificate is final.
 */
final class PeerClient {

    /** Base path of the REST API on every server. */
    static final String API = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(PeerClient.class);

    private final HttpClient http;
    private final ObjectMapper json;
    private final String server;
    private final PrivateKey key;
    private final int attempts;
    private final Duration timeout;
    private final Duration backoff;

    PeerClient(ObjectMapper json, String server, PrivateKey key, int attempts, Duration timeout, Duration backoff) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.json = json;
        this.server = server;
        this.key = key;
        this.attempts = attempts;
        this.timeout = timeout;
        this.backoff = backoff;
    }

    /**
     * Posts a message to a peer and returns the body of its answer, once its signature is checked.
     *
     * @param peer        the peer, with its certificate
     * @param path        path under {@link #API}
     * @param body        the JSON body
     */
    byte[] post(ConfiguredPeer peer, String path, byte[] body) {
        Peer target = peer.peer();
        String requestId = UUID.randomUUID().toString();
        String fullPath = API + path;
        String failure = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String date = Instant.now().toString();
            String signature = PeerProtocol.sign(key, PeerProtocol.requestText("POST", fullPath, date, requestId, body));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + fullPath)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            PeerProtocol.headers(server, date, requestId, signature).forEach(request::header);
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() < 500) {
                    return checked(peer, requestId, response);
                }
                failure = "statut " + response.statusCode();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            LOG.warn("Serveur {} : tentative {}/{} échouée ({})", target.name(), attempt, attempts, failure);
            if (attempt < attempts) {
                pause(attempt);
            }
        }
        throw new LiasseException(503, "pair-injoignable", "Le serveur « " + target.name() + " » ne répond pas ("
            + failure + ") après " + attempts + " tentatives : rien n'a été enregistré. Réessayez plus tard.");
    }

    private byte[] checked(ConfiguredPeer peer, String requestId, HttpResponse<byte[]> response) {
        Peer target = peer.peer();
        byte[] body = response.body();
        if (response.statusCode() >= 400) {
            throw refusal(target, response.statusCode(), body);
        }
        String date = response.headers().firstValue(PeerProtocol.DATE).orElse("");
        boolean signed = target.name().equals(response.headers().firstValue(PeerProtocol.SERVER).orElse(null))
            && requestId.equals(response.headers().firstValue(PeerProtocol.REQUEST).orElse(null))
            && PeerProtocol.verify(peer.certificate().getPublicKey(), PeerProtocol.answerText(requestId, date, body),
                response.headers().firstValue(PeerProtocol.SIGNATURE).orElse(null));
        if (!signed) {
            throw new LiasseException(502, "reponse-alteree", "La réponse du serveur « " + target.name()
                + " » n'est pas signée par son certificat (altérée en chemin ?) : rien n'a été enregistré.");
        }
        if (Instant.now().isAfter(target.notAfter())) {
            throw new LiasseException(502, "certificat-expire", "Le certificat du serveur « " + target.name()
                + " » a expiré le " + target.notAfter() + " : rien n'a été enregistré.");
        }
        return body;
    }

    /** A peer's refusal as an error of this server: its code and French detail, named after the peer. */
    private LiasseException refusal(Peer target, int status, byte[] body) {
        String code = "refus-du-pair";
        String detail = "statut " + status;
        try {
            JsonNode problem = json.readTree(body);
            code = problem.path("code").asText(code);
            detail = problem.path("detail").asText(detail);
        } catch (IOException e) {
            LOG.debug("Réponse d'erreur illisible du serveur {}", target.name(), e);
        }
        return new LiasseException(status == 401 ? 502 : status, code, "Le serveur « " + target.name()
            + " » a refusé la demande : " + detail).with("serveur", target.name());
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(backoff.toMillis() << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
