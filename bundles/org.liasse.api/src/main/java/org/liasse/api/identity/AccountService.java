package org.liasse.api.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts, sign-in, password flows and personal API tokens. Every refusal is a
 * {@link org.liasse.api.error.LiasseException} with a French message; every security event is audited.
 */
@ProviderType
public interface AccountService {

    /** Signs in; refuses bad credentials (401), an inactive account (403) or too many failures (429). */
    Session login(String login, String password, String remoteAddress);

    /**
     * Checks the caller's current password again before an act that commits them, such as signing: 403
     * {@code reauthentification-requise} when it is missing or wrong; a wrong one counts as a failed sign-in (429
     * once locked out) and is audited.
     */
    void reauthenticate(Caller caller, String password, String remoteAddress);

    /** The session behind a cookie value, if it is still valid. */
    Optional<Session> session(String token);

    /** Ends a session. */
    void logout(String token, String remoteAddress);

    /**
     * Changes the caller's password after checking the current one. Every other session of the caller ends and its
     * reset links stop working; its API tokens are revoked too when {@code revokeTokens}.
     *
     * @param sessionToken the session the change is made from, which stays open; {@code null} for none
     */
    void changePassword(Caller caller, String sessionToken, String currentPassword, String newPassword,
                        boolean revokeTokens, String remoteAddress);

    /**
     * Records a reset request and returns at once, doing the same work whether or not an account matches: a worker
     * then emails a single-use link if the identifier (login or email) matches an active account, retrying when the
     * mail server fails. A new link makes the older ones unusable.
     */
    void requestPasswordReset(String identifier, String remoteAddress);

    /**
     * Sets a new password with a reset token; the token cannot be used twice. Every session of the account ends and
     * its other reset links stop working; its API tokens are revoked too when {@code revokeTokens}.
     */
    void resetPassword(String token, String password, boolean revokeTokens, String remoteAddress);

    /** Sets the first password of a new account with its activation code. */
    void activate(String code, String password, String remoteAddress);

    /** The caller's personal API tokens. */
    List<ApiToken> tokens(Caller caller);

    /** Creates a personal API token valid for {@code days} days. */
    IssuedToken createToken(Caller caller, String label, int days);

    /** Revokes one of the caller's tokens. */
    void revokeToken(Caller caller, long id);

    /** One account. */
    Optional<Account> account(long id);

    /** One account by login. */
    Optional<Account> account(String login);

    /** Users of an organisation, by login. */
    List<Account> users(String siren);

    /** Creates an organisation user with the rights of its profile, and sends its activation code. */
    CreatedAccount createUser(Caller by, String siren, NewAccount account);

    /** Updates an organisation user; refuses a stale revision (409). */
    Account updateUser(Caller by, String siren, long id, long revision, AccountChanges changes);

    /** Replaces the rights of an organisation user; refuses unknown rights (422) and a stale revision (409). */
    Account setRights(Caller by, String siren, long id, long revision, Set<String> rights);

    /**
     * Issues a new activation code for an account that has not set its password yet, optionally changing its email
     * address first; earlier codes stop working.
     */
    CreatedAccount issueActivation(Caller by, String siren, long id, String email);

    /**
     * Creates a partner staff account; a {@code null} federation gives the national perimeter. A federation
     * operator creates only operators of its federation (403 {@code acces-refuse}); a federation operator never
     * holds a role over the whole server, super-administrator or plugin manager (422 {@code role-national}).
     */
    CreatedAccount createOperator(Caller by, NewAccount account, String federation, Set<OperatorRole> roles);

    /** Every partner staff account, by login. */
    List<Account> operators();

    /**
     * Changes the perimeter, roles and state of a partner staff account, with the same rules as
     * {@link #createOperator}; refuses a stale revision (409 {@code revision-perimee}) and a change that would leave no
     * active super-administrator (409 {@code dernier-super-administrateur}). Deactivation ends the account's sessions,
     * reset links and API tokens.
     */
    Account updateOperator(Caller by, long id, long revision, OperatorChanges changes);
}
