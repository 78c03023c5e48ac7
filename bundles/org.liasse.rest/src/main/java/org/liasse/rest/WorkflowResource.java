package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.definition.StepDefinition;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.workflow.Attestation;
import org.liasse.api.workflow.Transition;
import org.liasse.api.workflow.WorkflowService;
import org.liasse.api.workflow.WorkflowState;

/** The workflow of a dossier: its steps, where it stands, its history, and the transitions; writes need If-Match. */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    private final Supplier<WorkflowService> workflows;

    WorkflowResource(Supplier<WorkflowService> workflows) {
        this.workflows = workflows;
    }

    /**
     * Where a dossier stands, and what the caller may do with it.
     *
     * @param dossier   dossier identifier
     * @param revision  revision (also the ETag) that transitions need in {@code If-Match}
     * @param steps     the steps of its questionnaire, in order
     * @param step      code of the current step
     * @param protectedFromEntry whether data entry is closed
     * @param visibleToPartner   whether the partner sees the dossier's values
     * @param locked    whether only the partner can send it back
     * @param actions   what the caller may attempt now (guards are checked when attempting)
     * @param history   every transition, oldest first
     */
    public record WorkflowView(long dossier, long revision, List<StepDefinition> steps, String step,
                               boolean protectedFromEntry, boolean visibleToPartner, boolean locked, Actions actions,
                               List<Transition> history) {
    }

    /**
     * Transitions offered to the caller.
     *
     * @param advance  move to the next step (the caller has its right)
     * @param certify  moving on signs: it needs the certification and the caller's password
     * @param confirm  moving on transmits: it needs the confirmation
     * @param reopen   « Modifier le dossier »
     * @param sendBack send it back to the organisation (partner staff)
     */
    public record Actions(boolean advance, boolean certify, boolean confirm, boolean reopen, boolean sendBack) {
    }

    /**
     * What the caller states to move a dossier on; only the steps that sign or transmit need it.
     *
     * @param certified « Je certifie l'exactitude des informations » ticked, to sign
     * @param password  the caller's current password, to sign
     * @param confirmed the delivery to the recipients confirmed, to transmit
     */
    public record Advance(Boolean certified, String password, Boolean confirmed) {

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Advance[certified=" + certified + ", confirmed=" + confirmed + "]";
        }
    }

    /**
     * Why a transition is made.
     *
     * @param reason the user's words; mandatory to send a dossier back
     */
    public record Reason(String reason) {
    }

    /** Where the dossier stands, its history and what the caller may do. */
    @GET
    @Path("{id}/workflow")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response get(@PathParam("id") long id) {
        return view(workflows.get().state(id));
    }

    /**
     * Moves the dossier to its next step, once the step's guards pass; signing needs {@code certified} and
     * {@code password}, transmitting needs {@code confirmed}.
     */
    @POST
    @Path("{id}/workflow/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, perimeter = Access.Scope.TARGET)
    public Response advance(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            Advance advance) {
        Call call = Call.current();
        Attestation attestation = advance == null ? Attestation.none(call.remoteAddress())
            : new Attestation(Boolean.TRUE.equals(advance.certified()), advance.password(),
                Boolean.TRUE.equals(advance.confirmed()), call.remoteAddress());
        return view(workflows.get().advance(id, Json.revision(ifMatch), attestation, call.requireCaller()));
    }

    /** The statement that signing the dossier now would produce, as an unsigned PDF to read before signing. */
    @GET
    @Path("{id}/workflow/statement-preview")
    @Produces("application/pdf")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.SIGN,
        perimeter = Access.Scope.TARGET)
    public Response statementPreview(@PathParam("id") long id) {
        return Response.ok(workflows.get().statementPreview(id, Call.current().requireCaller()), "application/pdf")
            .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition("apercu-declaration-" + id + ".pdf"))
            .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** « Modifier le dossier »: back to data entry. */
    @POST
    @Path("{id}/workflow/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, perimeter = Access.Scope.TARGET)
    public Response reopen(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Reason reason) {
        return view(workflows.get().reopen(id, Json.revision(ifMatch), reason == null ? null : reason.reason(),
            Call.current().requireCaller()));
    }

    /** The partner sends the dossier back to the organisation with a reason (support only reads: not it). */
    @POST
    @Path("{id}/workflow/send-back")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Access.OPERATORS_ONLY,
        operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response sendBack(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             Reason reason) {
        return view(workflows.get().sendBack(id, Json.revision(ifMatch), Json.require(reason).reason(),
            Call.current().requireCaller()));
    }

    private static Response view(WorkflowState state) {
        Caller caller = Call.current().requireCaller();
        Actions actions = new Actions(state.mayAdvance(caller), state.nextSigns(), state.nextTransmits(),
            state.mayReopen(caller), state.maySendBack(caller));
        return Response.ok().tag(new EntityTag(Long.toString(state.revision())))
            .entity(new WorkflowView(state.dossierId(), state.revision(), state.workflow().steps(), state.step(),
                state.protectedFromEntry(), state.workflow().visibleToPartner(state.step()),
                state.workflow().locked(state.step()), actions, state.history())).build();
    }
}
