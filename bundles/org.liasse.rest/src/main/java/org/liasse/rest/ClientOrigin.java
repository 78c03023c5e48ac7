package org.liasse.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a request really comes from, behind a TLS reverse proxy: the client's address (rate limits, audit) and
 * whether it reached the platform over HTTPS (the session cookie's {@code Secure}). {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} are believed only when the connection comes from one of the configured proxies; from
 * anyone else they are ignored, so a client cannot choose the address it is counted under.
 *
 * @param address the client's address
 * @param secure  whether the client used HTTPS
 */
record ClientOrigin(String address, boolean secure) {

    /** An IPv4 or IPv6 literal, as proxies write them (no host names: they would be looked up). */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]+");

    /** The configured proxies' addresses, normalised; entries that are not IP literals are ignored. */
    static Set<String> proxies(String configured) {
        return Stream.of(configured.split(",")).map(String::strip).map(ClientOrigin::normalised)
            .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The origin of a request.
     *
     * @param peer           address of the connection's other end
     * @param scheme         scheme of the connection ({@code http} or {@code https})
     * @param forwardedFor   {@code X-Forwarded-For}, or {@code null}
     * @param forwardedProto {@code X-Forwarded-Proto}, or {@code null}
     * @param proxies        the trusted proxies, from {@link #proxies}
     */
    static ClientOrigin of(String peer, String scheme, String forwardedFor, String forwardedProto,
                           Set<String> proxies) {
        boolean secure = "https".equalsIgnoreCase(scheme);
        if (peer == null || !proxies.contains(normalised(peer).orElse(peer))) {
            return new ClientOrigin(peer == null ? "inconnue" : peer, secure);
        }
        String client = peer;
        if (forwardedFor != null) {
            // From the right: each trusted proxy appended the address it received the request from
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<String> hop = normalised(hops[i].strip());
                if (hop.isEmpty()) {
                    break;
                }
                client = hop.get();
                if (!proxies.contains(client)) {
                    break;
                }
            }
        }
        if (forwardedProto != null && !forwardedProto.isBlank()) {
            String[] protocols = forwardedProto.split(",");
            secure = "https".equalsIgnoreCase(protocols[protocols.length - 1].strip());
        }
        return new ClientOrigin(client, secure);
    }

    private static Optional<String> normalised(String literal) {
        if (literal.isEmpty() || literal.length() > 45 || !LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
