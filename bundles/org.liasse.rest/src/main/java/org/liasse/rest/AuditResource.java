package org.liasse.rest;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.audit.AuditVerification;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

/** The audit log: an organisation's entries, an operator's perimeter, and the verification of the hash chain. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX = 1000;

    private final Supplier<AuditLog> audit;
    private final Supplier<OrganisationService> organisations;

    AuditResource(Supplier<AuditLog> audit, Supplier<OrganisationService> organisations) {
        this.audit = audit;
        this.organisations = organisations;
    }

    /** Entries of one organisation, newest first. */
    @GET
    @Path("audit/organisations/{siren}")
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS,
        operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.TARGET)
    public List<AuditEntry> organisation(@PathParam("siren") String siren,
                                         @QueryParam("limit") @DefaultValue("200") int limit) {
        return audit.get().list(Set.of(siren), Math.min(limit, MAX));
    }

    /** Entries of the operator's perimeter (all entries for a national operator), newest first. */
    @GET
    @Path("audit")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.CALLER)
    public List<AuditEntry> perimeter(@QueryParam("limit") @DefaultValue("200") int limit) {
        Caller caller = Call.current().requireCaller();
        Set<String> sirens = caller.federation() == null ? null : organisations.get().list(caller.federation()).stream()
            .map(Organisation::siren).collect(Collectors.toSet());
        return audit.get().list(sirens, Math.min(limit, MAX));
    }

    /** Walks the whole hash chain and reports any altered, removed or inserted entry. */
    @GET
    @Path("audit/verification")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public AuditVerification verify() {
        return audit.get().verify();
    }
}
