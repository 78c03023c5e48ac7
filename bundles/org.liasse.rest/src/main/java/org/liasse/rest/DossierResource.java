package org.liasse.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.dossier.CellChange;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.verification.VerificationService;
import org.liasse.api.verification.VerificationSummary;

/** Dossiers and their values; writes need {@code If-Match} with the ETag last read. */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

    /** How many previous campaigns a dossier shows. */
    static final int PAST_YEARS = 5;

    private final Supplier<DossierService> dossiers;
    private final Supplier<VerificationService> verifications;
    private final Supplier<PluginRegistry> plugins;

    DossierResource(Supplier<DossierService> dossiers, Supplier<VerificationService> verifications,
                    Supplier<PluginRegistry> plugins) {
        this.dossiers = dossiers;
        this.verifications = verifications;
        this.plugins = plugins;
    }

    /**
     * A justification of a failed warning.
     *
     * @param text the user's words
     */
    public record JustificationText(String text) {
    }

    /**
     * Changed cells to save.
     *
     * @param values cell code to value; an empty or null value clears the cell
     */
    public record Changes(Map<String, String> values) {
    }

    /**
     * A dossier with all its values and those of the same organisation's dossier of the previous campaign.
     *
     * @param id                   identifier
     * @param siren                organisation
     * @param year                 campaign year
     * @param questionnaireCode    questionnaire code
     * @param questionnaireVersion questionnaire version of the dossier
     * @param revision             revision, also sent as the ETag
     * @param values               cell code to canonical value
     * @param previous             the dossier of year N-1, or {@code null} when there is none
     * @param undefinedCells       cells holding a value that the dossier's questionnaire version no longer defines
     *                             (a plugin update removed them): the values are kept, in {@code values}, but no
     *                             page shows them
     */
    public record DossierView(long id, String siren, int year, String questionnaireCode, String questionnaireVersion,
                              long revision, Map<String, String> values, PreviousYear previous,
                              List<String> undefinedCells) {
    }

    /**
     * The values of year N-1, shown beside each cell.
     *
     * @param id                   dossier of year N-1
     * @param year                 its campaign year
     * @param questionnaireVersion its questionnaire version
     * @param values               cell code to canonical value
     */
    public record PreviousYear(long id, int year, String questionnaireVersion, Map<String, String> values) {
    }

    /** One dossier with all its values and the values of year N-1; the ETag is its revision. */
    @GET
    @Path("{id}")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response get(@PathParam("id") long id) {
        Dossier dossier = find(id);
        PreviousYear previous = dossiers.get().find(dossier.siren(), dossier.year() - 1, dossier.questionnaireCode())
            .map(p -> new PreviousYear(p.id(), p.year(), p.questionnaireVersion(), p.values())).orElse(null);
        List<String> undefined = plugins.get().questionnaire(dossier.questionnaireCode(), dossier.questionnaireVersion())
            .map(questionnaire -> {
                Set<String> cells = questionnaire.cells().keySet();
                return dossier.values().keySet().stream().filter(cell -> !cells.contains(cell)).sorted().toList();
            }).orElse(List.of());
        return Response.ok().tag(new EntityTag(Long.toString(dossier.revision())))
            .entity(new DossierView(dossier.id(), dossier.siren(), dossier.year(), dossier.questionnaireCode(),
                dossier.questionnaireVersion(), dossier.revision(), dossier.values(), previous, undefined)).build();
    }

    /** The dossiers of the same organisation and questionnaire for the five previous campaigns, newest first. */
    @GET
    @Path("{id}/past")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<Dossier> past(@PathParam("id") long id) {
        Dossier dossier = find(id);
        return dossiers.get().listForOrganisation(dossier.siren()).stream()
            .filter(d -> d.questionnaireCode().equals(dossier.questionnaireCode()))
            .filter(d -> d.year() < dossier.year() && d.year() >= dossier.year() - PAST_YEARS).toList();
    }

    /** Every change of one cell, newest first: who, when, old and new value. */
    @GET
    @Path("{id}/history")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<CellChange> history(@PathParam("id") long id, @QueryParam("cell") String cell) {
        if (cell == null || cell.isBlank()) {
            throw LiasseException.invalid("parametre-manquant", "Indiquez la cellule (paramètre « cell »).", List.of());
        }
        find(id);
        return dossiers.get().history(id, cell);
    }

    /** Saves changed cells atomically; {@code If-Match} is required. */
    @PATCH
    @Path("{id}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.ENTER,
        perimeter = Access.Scope.TARGET)
    public Response save(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Changes changes) {
        long revision = Json.revision(ifMatch);
        Json.require(changes);
        if (changes.values() == null || changes.values().isEmpty()) {
            throw LiasseException.invalid("aucune-modification", "Aucune cellule à enregistrer.", List.of());
        }
        Dossier saved = dossiers.get().save(id, revision, changes.values(), Call.current().actor());
        return withTag(Response.ok(), saved);
    }

    /**
     * Runs the verification of a dossier ("Lancer la vérification") and stores its result; the ETag is the revision
     * of the justifications, as for the latest verification.
     */
    @POST
    @Path("{id}/verifications")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.VERIFY,
        perimeter = Access.Scope.TARGET)
    public Response verify(@PathParam("id") long id) {
        long revision = verifications.get().justificationRevision(id);
        return Response.status(201).entity(verifications.get().verify(id, Call.current().actor()))
            .tag(new EntityTag(Long.toString(revision))).build();
    }

    /** The latest verification of a dossier, with the justifications of its warnings; the ETag is theirs. */
    @GET
    @Path("{id}/verifications/latest")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response latestVerification(@PathParam("id") long id) {
        find(id);
        long revision = verifications.get().justificationRevision(id);
        return Json.tagged(verifications.get().latest(id).orElseThrow(() -> LiasseException.notFound(
            "verification-absente", "Ce dossier n'a pas encore été vérifié.")), revision);
    }

    /** Every verification run of a dossier, newest first, without outcomes (earlier runs stay for audit). */
    @GET
    @Path("{id}/verifications")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<VerificationSummary> verificationHistory(@PathParam("id") long id) {
        find(id);
        return verifications.get().history(id);
    }

    /** Justifies a warning that failed in the latest verification; {@code If-Match} (justifications) is required. */
    @PUT
    @Path("{id}/justifications/{control}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.VERIFY,
        perimeter = Access.Scope.TARGET)
    public Response justify(@PathParam("id") long id, @PathParam("control") String control,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JustificationText justification) {
        long revision = Json.revision(ifMatch);
        return Json.tagged(verifications.get().justify(id, control, Json.require(justification).text(), revision,
            Call.current().actor()), revision + 1);
    }

    private Dossier find(long id) {
        return dossiers.get().find(id)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
    }

    static Response withTag(Response.ResponseBuilder response, Dossier dossier) {
        return response.tag(new EntityTag(Long.toString(dossier.revision()))).entity(dossier).build();
    }
}
