package org.liasse.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.ApiToken;
import org.liasse.api.identity.IssuedToken;
import org.liasse.api.workflow.Notification;
import org.liasse.api.workflow.NotificationService;

/** The caller's own account: password, personal API tokens, and what needs the caller's action. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** Deadlines are dates of metropolitan France. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Supplier<AccountService> accounts;
    private final Supplier<NotificationService> notifications;

    MeResource(Supplier<AccountService> accounts, Supplier<NotificationService> notifications) {
        this.accounts = accounts;
        this.notifications = notifications;
    }

    /** What needs the caller's action in the open campaigns, most urgent first (none for operators). */
    @GET
    @Path("notifications")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public List<Notification> notifications() {
        return notifications.get().forCaller(Call.current().requireCaller(), LocalDate.now(PARIS));
    }

    /**
     * Password change request.
     *
     * @param revokeTokens whether the caller's API tokens are revoked too; {@code null} means yes
     */
    public record PasswordChange(String currentPassword, String newPassword, Boolean revokeTokens) {
    }

    /** Token creation request: a label and a validity in days. */
    public record TokenRequest(String label, int days) {
    }

    /**
     * A created token, with its secret shown this once.
     *
     * @param id        identifier
     * @param label     label
     * @param createdAt creation time (ISO-8601)
     * @param expiresAt expiry time (ISO-8601)
     * @param token     the bearer secret
     */
    public record CreatedToken(long id, String label, String createdAt, String expiresAt, String token) {
    }

    /**
     * Changes the password after checking the current one; the caller's other sessions end, and its API tokens are
     * revoked unless it asks to keep them.
     */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public Response changePassword(PasswordChange change) {
        Json.require(change);
        Call call = Call.current();
        accounts.get().changePassword(call.requireCaller(), call.sessionToken(), change.currentPassword(),
            change.newPassword(), !Boolean.FALSE.equals(change.revokeTokens()), call.remoteAddress());
        return Response.noContent().build();
    }

    /** The caller's valid tokens. */
    @GET
    @Path("tokens")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public List<ApiToken> tokens() {
        return accounts.get().tokens(Call.current().requireCaller());
    }

    /** Creates a token; its secret is returned once and never stored in clear. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public Response createToken(TokenRequest request) {
        Json.require(request);
        IssuedToken issued = accounts.get().createToken(Call.current().requireCaller(), request.label(), request.days());
        ApiToken token = issued.token();
        return Response.status(201).entity(new CreatedToken(token.id(), token.label(), token.createdAt().toString(),
            token.expiresAt().toString(), issued.secret())).build();
    }

    /** Revokes one of the caller's tokens. */
    @DELETE
    @Path("tokens/{id}")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public Response revoke(@PathParam("id") long id) {
        accounts.get().revokeToken(Call.current().requireCaller(), id);
        return Response.noContent().build();
    }
}
