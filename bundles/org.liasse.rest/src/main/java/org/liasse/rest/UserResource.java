package org.liasse.rest;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.identity.Account;
import org.liasse.api.identity.AccountChanges;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.CreatedAccount;
import org.liasse.api.identity.NewAccount;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

/** An organisation's users, managed by its administrator: profiles, rights grid, activation. */
@Path("/organisations/{siren}/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final Supplier<AccountService> accounts;

    UserResource(Supplier<AccountService> accounts) {
        this.accounts = accounts;
    }

    /** New rights of a user. */
    public record RightsChange(Set<String> rights) {
    }

    /** Optional new email address for a re-issued activation code. */
    public record ActivationRequest(String email) {
    }

    /**
     * A user with its activation code.
     *
     * @param user           the account
     * @param activationCode the code, only in demo mode (otherwise emailed)
     */
    public record CreatedUser(Account user, String activationCode) {

        static CreatedUser of(CreatedAccount created) {
            return new CreatedUser(created.account(), created.activationCode());
        }
    }

    /** Users of the organisation. */
    @GET
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<Account> list(@PathParam("siren") String siren) {
        return accounts.get().users(siren);
    }

    /** Creates a user with the rights of its profile; the activation code is emailed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS, perimeter = Access.Scope.TARGET)
    public Response create(@PathParam("siren") String siren, NewAccount account) {
        CreatedAccount created = accounts.get().createUser(Call.current().requireCaller(), siren, Json.require(account));
        return Response.status(201).entity(CreatedUser.of(created)).tag(tag(created.account())).build();
    }

    /** Updates a user; {@code If-Match} is required. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS, perimeter = Access.Scope.TARGET)
    public Response update(@PathParam("siren") String siren, @PathParam("id") long id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AccountChanges changes) {
        Account account = accounts.get().updateUser(Call.current().requireCaller(), siren, id, Json.revision(ifMatch),
            Json.require(changes));
        return Response.ok(account).tag(tag(account)).build();
    }

    /** Replaces a user's rights (the rights grid); {@code If-Match} is required. */
    @PUT
    @Path("{id}/rights")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS, perimeter = Access.Scope.TARGET)
    public Response setRights(@PathParam("siren") String siren, @PathParam("id") long id,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RightsChange change) {
        Set<String> rights = Json.require(change).rights() == null ? Set.of() : change.rights();
        Account account = accounts.get().setRights(Call.current().requireCaller(), siren, id, Json.revision(ifMatch), rights);
        return Response.ok(account).tag(tag(account)).build();
    }

    /** Issues a new activation code (e.g. for an administrator created by an import), optionally to a new address. */
    @POST
    @Path("{id}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS,
        operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.TARGET)
    public CreatedUser issueActivation(@PathParam("siren") String siren, @PathParam("id") long id,
                                       ActivationRequest request) {
        return CreatedUser.of(accounts.get().issueActivation(Call.current().requireCaller(), siren, id,
            request == null ? null : request.email()));
    }

    static EntityTag tag(Account account) {
        return new EntityTag(Long.toString(account.revision()));
    }
}
