package org.liasse.api.identity;

/**
 * A new account and its one-time activation code.
 *
 * @param account        the account, not yet activated
 * @param activationCode the code, only when the platform shows codes to operators (demo mode); otherwise
 *                       {@code null}, the code having been sent by email
 */
public record CreatedAccount(Account account, String activationCode) {
}
