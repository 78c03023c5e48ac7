package org.liasse.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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

import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;

/** Yearly campaigns, the questionnaires they collect with their deadlines, and their states. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final Supplier<CampaignService> campaigns;

    CampaignResource(Supplier<CampaignService> campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * A questionnaire of a campaign as exchanged in JSON.
     *
     * @param code     questionnaire code
     * @param version  version dossiers are created under, or null for the highest active one for the year
     * @param deadline deadline, ISO-8601 date
     */
    public record QuestionnaireJson(String code, String version, String deadline) {
    }

    /**
     * A campaign as exchanged in JSON, dates in ISO-8601.
     *
     * @param year           accounting year
     * @param label          French label
     * @param opening        opening date
     * @param deadline       closing date
     * @param state          PREPARATION, OPEN, CLOSED or ARCHIVED (ignored by updates: use the state operation)
     * @param questionnaires questionnaires collected with their deadlines; empty or absent: every active
     *                       questionnaire of the year, with the campaign's deadline
     * @param revision       revision, also the ETag (ignored on input)
     */
    public record CampaignJson(int year, String label, String opening, String deadline, CampaignState state,
                               List<QuestionnaireJson> questionnaires, Long revision) {

        static CampaignJson of(Campaign campaign) {
            return new CampaignJson(campaign.year(), campaign.label(), campaign.opening().toString(),
                campaign.deadline().toString(), campaign.state(), campaign.questionnaires().stream()
                .map(q -> new QuestionnaireJson(q.code(), q.version(), q.deadline().toString())).toList(),
                campaign.revision());
        }

        Campaign toCampaign(int year, CampaignState state) {
            List<CampaignQuestionnaire> list = questionnaires == null ? List.of() : questionnaires.stream()
                .map(q -> new CampaignQuestionnaire(q.code(), blankToNull(q.version()),
                    date("questionnaires." + q.code(), q.deadline()))).toList();
            return new Campaign(year, label, date("opening", opening), date("deadline", deadline), state, list, 0);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static LocalDate date(String field, String value) {
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw LiasseException.invalid("date-invalide", "Une date est invalide.",
                    List.of(new FieldError(field, "date-invalide", "« " + value + " » n'est pas une date AAAA-MM-JJ.")));
            }
        }
    }

    /**
     * A move to another state.
     *
     * @param state the state wanted
     */
    public record StateChange(CampaignState state) {
    }

    /** All campaigns, newest first. */
    @GET
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public List<CampaignJson> list() {
        return campaigns.get().list().stream().map(CampaignJson::of).toList();
    }

    /** The campaign of one year; the ETag is its revision. */
    @GET
    @Path("{year}")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public Response get(@PathParam("year") int year) {
        return tagged(Response.ok(), campaigns.get().find(year).orElseThrow(() -> LiasseException
            .notFound("campagne-inconnue", "Aucune campagne pour l'exercice " + year + ".")));
    }

    /** Creates a campaign. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response create(CampaignJson campaign) {
        CampaignJson json = Json.require(campaign);
        Campaign created = campaigns.get().create(json.toCampaign(json.year(), json.state()), Call.current().actor());
        return tagged(Response.status(201), created);
    }

    /** Changes the label, dates and questionnaires of a campaign; {@code If-Match} is required. */
    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response update(@PathParam("year") int year, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           CampaignJson campaign) {
        long revision = Json.revision(ifMatch);
        Campaign changes = Json.require(campaign).toCampaign(year, null);
        return tagged(Response.ok(), campaigns.get().update(changes, revision));
    }

    /** Opens, closes, reopens or archives a campaign; {@code If-Match} is required. */
    @PUT
    @Path("{year}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NATIONAL)
    public Response changeState(@PathParam("year") int year, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                StateChange change) {
        long revision = Json.revision(ifMatch);
        if (Json.require(change).state() == null) {
            throw LiasseException.invalid("etat-manquant", "Indiquez l'état voulu (state).", List.of());
        }
        return tagged(Response.ok(), campaigns.get().changeState(year, change.state(), revision,
            Call.current().actor()));
    }

    private static Response tagged(Response.ResponseBuilder response, Campaign campaign) {
        return response.tag(new EntityTag(Long.toString(campaign.revision()))).entity(CampaignJson.of(campaign)).build();
    }
}
