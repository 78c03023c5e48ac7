package org.liasse.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditFilter;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.audit.AuditVerification;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

/**
 * The audit log: an organisation's entries, an operator's perimeter, and the verification of the hash chain. Entries
 * come with their French words ({@link AuditWording}), the same on the page and in the CSV export.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /**
     * An entry of the log as the journal shows it.
     *
     * @param sequence  position in the log
     * @param at        when it was recorded
     * @param event     what was recorded
     * @param hash      its hash in the chain
     * @param label     the action in French, e.g. « Droits modifiés »
     * @param sentence  the entry as a French sentence, e.g. « Droits d’alice modifiés par camille »
     * @param actorName who acted, in words
     */
    public record JournalEntry(long sequence, Instant at, AuditEvent event, String hash, String label,
                               String sentence, String actorName) {

        static JournalEntry of(AuditEntry entry) {
            AuditEvent event = entry.event();
            return new JournalEntry(entry.sequence(), entry.at(), event, entry.hash(), AuditWording.label(event.action()),
                AuditWording.sentence(event), AuditWording.actor(event.actor()));
        }
    }

    private static final String CSV = "text/csv;charset=UTF-8";
    private static final int PAGE = 200;
    private static final int EXPORT_MAX = 100_000;

    private final Supplier<AuditLog> audit;
    private final Supplier<OrganisationService> organisations;

    AuditResource(Supplier<AuditLog> audit, Supplier<OrganisationService> organisations) {
        this.audit = audit;
        this.organisations = organisations;
    }

    /** Entries of one organisation that pass the filter, newest first, one page at a time. */
    @GET
    @Path("audit/organisations/{siren}")
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS,
        operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.TARGET)
    public List<JournalEntry> organisation(@PathParam("siren") String siren, @QueryParam("acteur") String actor,
                                         @QueryParam("action") String action, @QueryParam("du") String from,
                                         @QueryParam("au") String to, @QueryParam("dernier") String last,
                                         @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return page(new AuditQueryParameters(actor, action, from, to, last).filter(Set.of(siren)), offset, limit);
    }

    /** The same entries as {@link #organisation}, all pages, as a CSV file. */
    @GET
    @Path("audit/organisations/{siren}/export")
    @Produces(CSV)
    @Access(value = Access.Level.ORGANISATION, right = Rights.MANAGE_USERS,
        operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.TARGET)
    public Response exportOrganisation(@PathParam("siren") String siren, @QueryParam("acteur") String actor,
                                       @QueryParam("action") String action, @QueryParam("du") String from,
                                       @QueryParam("au") String to) {
        return export(new AuditQueryParameters(actor, action, from, to).filter(Set.of(siren)),
            "journal-audit-" + siren + ".csv");
    }

    /** Entries of the operator's perimeter (all entries for a national operator) that pass the filter, newest first. */
    @GET
    @Path("audit")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.CALLER)
    public List<JournalEntry> perimeter(@QueryParam("acteur") String actor, @QueryParam("action") String action,
                                        @QueryParam("du") String from, @QueryParam("au") String to,
                                        @QueryParam("dernier") String last, @QueryParam("offset") String offset,
                                        @QueryParam("limit") String limit) {
        return page(new AuditQueryParameters(actor, action, from, to, last).filter(perimeterSirens()), offset, limit);
    }

    /** The same entries as {@link #perimeter}, all pages, as a CSV file. */
    @GET
    @Path("audit/export")
    @Produces(CSV)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.CALLER)
    public Response exportPerimeter(@QueryParam("acteur") String actor, @QueryParam("action") String action,
                                    @QueryParam("du") String from, @QueryParam("au") String to) {
        return export(new AuditQueryParameters(actor, action, from, to).filter(perimeterSirens()), "journal-audit.csv");
    }

    /** The actions the journal can be filtered on, with their French labels, in alphabetical order: a catalogue. */
    @GET
    @Path("audit/actions")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public List<AuditWording.Action> actions() {
        return AuditWording.actions();
    }

    /** Walks the whole hash chain and reports any altered, removed or inserted entry. */
    @GET
    @Path("audit/verification")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public AuditVerification verify() {
        return audit.get().verify();
    }

    private List<JournalEntry> page(AuditFilter filter, String offset, String limit) {
        return audit.get().list(filter,
            AuditQueryParameters.number("offset", offset, 0, 0, Integer.MAX_VALUE - AuditQueryParameters.MAX_LIMIT),
            AuditQueryParameters.number("limit", limit, PAGE, 1, AuditQueryParameters.MAX_LIMIT)).stream()
            .map(JournalEntry::of).toList();
    }

    private Response export(AuditFilter filter, String fileName) {
        return Response.ok(AuditCsv.of(audit.get().list(filter, 0, EXPORT_MAX)))
            .header("Content-Disposition", Downloads.contentDisposition(fileName)).build();
    }

    /** The SIRENs of the calling operator's federation, or {@code null} for a national operator. */
    private Set<String> perimeterSirens() {
        Caller caller = Call.current().requireCaller();
        return caller.federation() == null ? null : organisations.get().list(caller.federation()).stream()
            .map(Organisation::siren).collect(Collectors.toSet());
    }
}
