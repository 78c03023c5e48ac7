package org.liasse.api.identity;

/**
 * A signed-in browser session.
 *
 * @param token     secret for the session cookie (only its hash is stored)
 * @param csrfToken value the web UI must send in {@code X-CSRF-Token} on every write
 * @param account   who is signed in
 */
public record Session(String token, String csrfToken, Account account) {
}
