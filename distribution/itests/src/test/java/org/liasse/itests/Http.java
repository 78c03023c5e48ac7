package org.liasse.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for the real REST API. */
public final class Http {

    /** A response: status, ETag, content type, Set-Cookie, body parsed as JSON (null when not JSON), headers. */
    public record Reply(int status, String etag, String contentType, String setCookie, JsonNode json, String body,
                        java.net.http.HttpHeaders headers) {

        /** One header, or null. */
        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        /** Retry-After, or null when absent. */
        public String retryAfter() {
            return header("Retry-After");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final String bearer;
    private String csrf;

    /** An anonymous client. */
    public Http(int port) {
        this(port, null);
    }

    private Http(int port, String bearer) {
        this.base = "http://localhost:" + port + "/api/v1";
        this.bearer = bearer;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new java.net.CookieManager()).build();
    }

    /** A client that signs in with a session cookie and sends the CSRF token on writes; fails if sign-in fails. */
    public static Http session(int port, String login, String password) {
        Http http = new Http(port, null);
        Reply reply = http.post("/session", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("sign-in of " + login + " failed: " + reply.body());
        }
        http.csrf = reply.json().path("csrfToken").asText();
        return http;
    }

    /** A client that authenticates with a personal API token created for the account. */
    public static Http token(int port, String login, String password) {
        Reply created = session(port, login, password).post("/me/tokens", "{\"label\":\"tests\",\"days\":1}");
        if (created.status() != 201) {
            throw new AssertionError("token of " + login + " not created: " + created.body());
        }
        return new Http(port, created.json().path("token").asText());
    }

    /** Any request, with a raw body (or none) of the given content type, and an optional Cookie header. */
    public Reply send(String method, String path, String contentType, String body, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    /** A binary response: status, headers and the raw body. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {

        /** One header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Sends a raw binary body (a file), with an optional {@code If-Match}. */
    public Reply upload(String method, String path, String contentType, byte[] body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** Gets a file as bytes. */
    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with {@code If-Match} (none when null). */
    public Reply post(String path, String ifMatch, String json) {
        return withBody("POST", path, ifMatch, json);
    }

    public Reply patch(String path, String ifMatch, String json) {
        return withBody("PATCH", path, ifMatch, json);
    }

    public Reply put(String path, String ifMatch, String json) {
        return withBody("PUT", path, ifMatch, json);
    }

    private Reply withBody(String method, String path, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public Reply delete(String path) {
        return delete(path, null);
    }

    /** A DELETE with {@code If-Match} (none when null). */
    public Reply delete(String path, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Reply(response.statusCode(), response.headers().firstValue("ETag").orElse(null), type,
                response.headers().firstValue("Set-Cookie").orElse(null), json, response.body(), response.headers());
        } catch (IOException e) {
            return new Reply(0, null, "", null, null, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
