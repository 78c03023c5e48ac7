package org.liasse.rest;

import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.Account;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Session;

/** Sign-in and sign-out with a session cookie, password reset and account activation. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final Supplier<AccountService> accounts;
    private final Supplier<OrganisationService> organisations;

    SessionResource(Supplier<AccountService> accounts, Supplier<OrganisationService> organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    /** Sign-in request. */
    public record Login(String login, String password) {
    }

    /**
     * A new password, with a reset token or an activation code in the path.
     *
     * @param revokeTokens after a reset, whether the account's API tokens are revoked too; {@code null} means yes
     */
    public record NewPassword(String password, Boolean revokeTokens) {
    }

    /** Password reset request. */
    public record ResetRequest(String identifier) {
    }

    /**
     * The signed-in account, and the CSRF token the web UI sends back on writes.
     *
     * @param userId           account id
     * @param login            login
     * @param firstName        first name
     * @param lastName         last name
     * @param email            email
     * @param siren            organisation, or {@code null} for an operator
     * @param organisationName its name
     * @param federation       perimeter of a federation operator
     * @param profile          default profile
     * @param rights           organisation rights
     * @param operatorRoles    operator roles
     * @param csrfToken        value for the {@code X-CSRF-Token} header
     */
    public record SessionInfo(long userId, String login, String firstName, String lastName, String email, String siren,
                              String organisationName, String federation, String profile, Set<String> rights,
                              Set<OperatorRole> operatorRoles, String csrfToken) {
    }

    /** Signs in and sets the session cookie. */
    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Response login(Login login) {
        Json.require(login);
        Session session = accounts.get().login(login.login(), login.password(), Call.current().remoteAddress());
        return Response.ok(info(session)).header("Set-Cookie", cookie(session.token(), false)).build();
    }

    /** The current session. */
    @GET
    @Path("session")
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public SessionInfo current() {
        String token = Call.current().sessionToken();
        return accounts.get().session(token == null ? "" : token).filter(s -> s.account().active()).map(this::info)
            .orElseThrow(() -> new LiasseException(401, "aucune-session", "Aucune session ouverte."));
    }

    /** Signs out and clears the cookie. */
    @DELETE
    @Path("session")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public Response logout() {
        Call call = Call.current();
        if (call.sessionToken() != null) {
            accounts.get().logout(call.sessionToken(), call.remoteAddress());
        }
        return Response.noContent().header("Set-Cookie", cookie("", true)).build();
    }

    /**
     * Queues a reset request and answers 202 at once, whether or not the identifier matches an account; the link is
     * emailed afterwards, so neither the answer nor its timing nor the mail server's state reveal an account.
     */
    @POST
    @Path("password-resets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Response requestReset(ResetRequest request) {
        accounts.get().requestPasswordReset(Json.require(request).identifier(), Call.current().remoteAddress());
        return Response.accepted().build();
    }

    /** Sets a new password with a single-use reset token; every session ends, and API tokens unless kept. */
    @POST
    @Path("password-resets/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Response reset(@PathParam("token") String token, NewPassword password) {
        NewPassword body = Json.require(password);
        accounts.get().resetPassword(token, body.password(), !Boolean.FALSE.equals(body.revokeTokens()),
            Call.current().remoteAddress());
        return Response.noContent().build();
    }

    /** Sets the first password of an account with its activation code. */
    @POST
    @Path("activations/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Response activate(@PathParam("code") String code, NewPassword password) {
        accounts.get().activate(code, Json.require(password).password(), Call.current().remoteAddress());
        return Response.noContent().build();
    }

    private SessionInfo info(Session session) {
        Account a = session.account();
        String organisation = a.siren() == null ? null
            : organisations.get().find(a.siren()).map(Organisation::name).orElse(null);
        return new SessionInfo(a.id(), a.login(), a.firstName(), a.lastName(), a.email(), a.siren(), organisation,
            a.federation(), a.profile(), a.rights(), a.operatorRoles(), session.csrfToken());
    }

    /**
     * The session cookie: HttpOnly, SameSite=Strict, and Secure when the client came over HTTPS (directly, or
     * through a trusted TLS proxy).
     */
    private static String cookie(String value, boolean expire) {
        return AccessFilter.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
            + (Call.current().secure() ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }
}
