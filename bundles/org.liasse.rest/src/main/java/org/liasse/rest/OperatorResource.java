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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.Account;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.CreatedAccount;
import org.liasse.api.identity.NewAccount;
import org.liasse.api.identity.OperatorChanges;
import org.liasse.api.identity.OperatorRole;

/** Partner staff accounts, managed by a super-administrator: creation, roles, perimeter, deactivation. */
@Path("/operators")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final Supplier<AccountService> accounts;

    OperatorResource(Supplier<AccountService> accounts) {
        this.accounts = accounts;
    }

    /**
     * Request to create an operator.
     *
     * @param login      login
     * @param firstName  first name
     * @param lastName   last name
     * @param email      email that receives the activation code
     * @param federation federation perimeter, or {@code null} for a national operator
     * @param roles      platform roles
     */
    public record NewOperator(String login, String firstName, String lastName, String email, String federation,
                              Set<OperatorRole> roles) {
    }

    /** Creates an operator account; its activation code is emailed (shown in demo mode). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = OperatorRole.SUPER_ADMIN, perimeter = Access.Scope.NATIONAL)
    public Response create(NewOperator request) {
        Json.require(request);
        CreatedAccount created = accounts.get().createOperator(Call.current().requireCaller(), new NewAccount(
                request.login(), request.firstName(), request.lastName(), request.email(), null), request.federation(),
            request.roles() == null ? Set.of() : request.roles());
        return Response.status(201).entity(UserResource.CreatedUser.of(created)).tag(UserResource.tag(created.account()))
            .build();
    }

    /** Every operator account, by login. */
    @GET
    @Access(value = Access.Level.OPERATOR, operators = OperatorRole.SUPER_ADMIN, perimeter = Access.Scope.NATIONAL)
    public List<Account> list() {
        return accounts.get().operators();
    }

    /** One operator account, with its revision as ETag. */
    @GET
    @Path("{id}")
    @Access(value = Access.Level.OPERATOR, operators = OperatorRole.SUPER_ADMIN, perimeter = Access.Scope.NATIONAL)
    public Response get(@PathParam("id") long id) {
        Account account = accounts.get().account(id).filter(found -> found.siren() == null
            && !found.operatorRoles().isEmpty()).orElseThrow(() -> LiasseException.notFound("operateur-inconnu",
            "Aucun compte opérateur " + id + "."));
        return Response.ok(account).tag(UserResource.tag(account)).build();
    }

    /**
     * Changes an operator's perimeter, roles and state ({@code If-Match} required); deactivation ends their sessions
     * and API tokens. The last active super-administrator keeps that role and stays active (409).
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = OperatorRole.SUPER_ADMIN, perimeter = Access.Scope.NATIONAL)
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           OperatorChanges changes) {
        Account account = accounts.get().updateOperator(Call.current().requireCaller(), id, Json.revision(ifMatch),
            Json.require(changes));
        return Response.ok(account).tag(UserResource.tag(account)).build();
    }
}
