package org.liasse.rest;

import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.CreatedAccount;
import org.liasse.api.identity.NewAccount;
import org.liasse.api.identity.OperatorRole;

/** Partner staff accounts, created by a super-administrator. */
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
        return Response.status(201).entity(UserResource.CreatedUser.of(created)).build();
    }
}
