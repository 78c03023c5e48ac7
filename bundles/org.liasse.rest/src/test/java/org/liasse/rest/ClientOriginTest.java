package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientOriginTest {

    private final Set<String> proxies = ClientOrigin.proxies(" 10.0.0.5, ::1 ,proxy.example, ");

    @Test
    void onlyLiteralAddressesAreTrusted() {
        assertEquals(Set.of("10.0.0.5", "0:0:0:0:0:0:0:1"), proxies);
    }

    @Test
    void forwardedHeadersFromAnyoneElseAreIgnored() {
        assertEquals(new ClientOrigin("192.0.2.10", false),
            ClientOrigin.of("192.0.2.10", "http", "203.0.113.7", "https", proxies));
    }

    @Test
    void behindATrustedProxyTheClientAndItsSchemeAreTheForwardedOnes() {
        assertEquals(new ClientOrigin("203.0.113.7", true),
            ClientOrigin.of("10.0.0.5", "http", "203.0.113.7", "https", proxies));
        assertEquals(new ClientOrigin("203.0.113.7", true),
            ClientOrigin.of("::1", "http", "198.51.100.1, 203.0.113.7, 10.0.0.5", "http, https", proxies),
            "the rightmost address that is not a trusted proxy; the last scheme");
        assertEquals(new ClientOrigin("10.0.0.5", false), ClientOrigin.of("10.0.0.5", "http", null, null, proxies));
    }

    @Test
    void aForwardedValueThatIsNotAnAddressIsNotBelieved() {
        assertEquals(new ClientOrigin("10.0.0.5", false),
            ClientOrigin.of("10.0.0.5", "http", "evil.example.org", null, proxies));
        assertEquals(new ClientOrigin("203.0.113.7", false),
            ClientOrigin.of("10.0.0.5", "http", "x".repeat(100) + ", 203.0.113.7", null, proxies),
            "what lies left of garbage is not read");
    }
}
