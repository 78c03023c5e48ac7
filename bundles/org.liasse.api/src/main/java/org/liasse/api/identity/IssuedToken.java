package org.liasse.api.identity;

/**
 * A token just created, with its secret shown this one time only.
 *
 * @param token  the token's description
 * @param secret the bearer secret
 */
public record IssuedToken(ApiToken token, String secret) {
}
