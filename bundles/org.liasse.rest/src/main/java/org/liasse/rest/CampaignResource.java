package org.liasse.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;

/** Yearly campaigns. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final Supplier<CampaignService> campaigns;

    CampaignResource(Supplier<CampaignService> campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * A campaign as exchanged in JSON, dates in ISO-8601.
     *
     * @param year     accounting year
     * @param label    French label
     * @param opening  opening date
     * @param deadline closing date
     * @param state    PREPARATION, OPEN, CLOSED or ARCHIVED
     */
    public record CampaignJson(int year, String label, String opening, String deadline, CampaignState state) {

        static CampaignJson of(Campaign campaign) {
            return new CampaignJson(campaign.year(), campaign.label(), campaign.opening().toString(),
                campaign.deadline().toString(), campaign.state());
        }

        Campaign toCampaign() {
            return new Campaign(year, label, date("opening", opening), date("deadline", deadline), state);
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

    /** All campaigns, newest first. */
    @GET
    @Access(Access.Level.AUTHENTICATED)
    public List<CampaignJson> list() {
        return campaigns.get().list().stream().map(CampaignJson::of).toList();
    }

    /** The campaign of one year. */
    @GET
    @Path("{year}")
    @Access(Access.Level.AUTHENTICATED)
    public CampaignJson get(@PathParam("year") int year) {
        return campaigns.get().find(year).map(CampaignJson::of).orElseThrow(() -> LiasseException
            .notFound("campagne-inconnue", "Aucune campagne pour l'exercice " + year + "."));
    }

    /** Creates a campaign. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN})
    public Response create(CampaignJson campaign) {
        Campaign created = campaigns.get().create(Json.require(campaign).toCampaign());
        return Response.status(201).entity(CampaignJson.of(created)).build();
    }
}
