package org.liasse.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.liasse.api.error.LiasseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the configured timestamp authority, over HTTP (RFC 3161 §3.4), for a token over the SHA-256 of a signature
 * value, with a nonce and the TSA certificate requested. Any failure — no answer, an error, a rejection, an answer
 * that does not match the request — is a 503 {@code horodatage-indisponible}.
 */
final class TimestampClient {

    private static final Logger LOG = LoggerFactory.getLogger(TimestampClient.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    TimestampClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A timestamp token over the SHA-256 of {@code signature}. */
    TimeStampToken stamp(byte[] signature) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256,
                MessageDigest.getInstance("SHA-256").digest(signature), new BigInteger(64, RANDOM));
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw unavailable("l'autorité d'horodatage a répondu " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw unavailable("l'autorité d'horodatage a refusé la demande (" + response.getStatusString() + ")");
            }
            return response.getTimeStampToken();
        } catch (IOException | TSPException | IllegalArgumentException e) {
            throw unavailable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("attente interrompue");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The refusal when no usable timestamp can be had; the cause is logged, not shown. */
    LiasseException unavailable(String cause) {
        LOG.warn("Horodatage impossible auprès de {} : {}", url, cause);
        return new LiasseException(503, "horodatage-indisponible",
            "L'autorité d'horodatage ne répond pas ou sa réponse est inutilisable : rien n'a été signé. Réessayez plus tard.");
    }
}
