package org.liasse.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

import org.liasse.api.dossier.CreatedOrganisation;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.ImportReport;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.identity.Rights;

/** Organisations, managed by operators within their perimeter, and the dossiers of each organisation. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final Supplier<OrganisationService> organisations;
    private final Supplier<DossierService> dossiers;
    private final Supplier<CampaignService> campaigns;
    private final Supplier<PluginRegistry> plugins;

    OrganisationResource(Supplier<OrganisationService> organisations, Supplier<DossierService> dossiers,
                         Supplier<CampaignService> campaigns, Supplier<PluginRegistry> plugins) {
        this.organisations = organisations;
        this.dossiers = dossiers;
        this.campaigns = campaigns;
        this.plugins = plugins;
    }

    /**
     * A dossier the organisation may initialise now.
     *
     * @param year          campaign year
     * @param questionnaire questionnaire code
     * @param version       version the dossier will be created under
     * @param title         French title of the questionnaire
     * @param deadline      deadline of the questionnaire in the campaign, ISO-8601
     */
    public record AvailableDossier(int year, String questionnaire, String version, String title, String deadline) {
    }

    /**
     * Request to create an organisation.
     *
     * @param siren              SIREN
     * @param name               name
     * @param type               type code
     * @param federation         federation code, or {@code null}
     * @param region             région code
     * @param department         département code
     * @param active             whether it may file
     * @param administratorEmail where the activation code of {@code AD_<SIREN>} is sent
     */
    public record NewOrganisation(String siren, String name, String type, String federation, String region,
                                  String department, boolean active, String administratorEmail) {

        Organisation organisation() {
            return new Organisation(siren, name, type, federation, region, department, active);
        }
    }

    /**
     * A created organisation and its administrator.
     *
     * @param organisation  the organisation
     * @param administrator login and, in demo mode only, activation code of {@code AD_<SIREN>}
     */
    public record Created(Organisation organisation, Administrator administrator) {
    }

    /**
     * The administrator of a new organisation.
     *
     * @param login          {@code AD_<SIREN>}
     * @param activationCode the code, only in demo mode (otherwise emailed)
     */
    public record Administrator(String login, String activationCode) {
    }

    /**
     * The fields of an organisation as an update takes them.
     *
     * @param siren      SIREN (never changes)
     * @param name       name
     * @param type       type code
     * @param federation federation code, or {@code null}
     * @param region     région code
     * @param department département code
     * @param active     whether it may file
     * @param revision   as read, ignored on input: the revision comes in {@code If-Match}
     */
    public record OrganisationChanges(String siren, String name, String type, String federation, String region,
                                      String department, boolean active, Long revision) {

        Organisation organisation() {
            return new Organisation(siren, name, type, federation, region, department, active);
        }
    }

    /** Request to open a dossier: campaign year and questionnaire code. */
    public record NewDossier(int year, String questionnaire) {
    }

    /** Organisations visible to the caller: an operator's perimeter, or a user's own organisation. */
    @GET
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.CALLER)
    public List<Organisation> list() {
        Caller caller = Call.current().requireCaller();
        if (!caller.operator()) {
            return organisations.get().find(caller.siren()).stream().toList();
        }
        return organisations.get().list(caller.federation());
    }

    /** Creates an organisation and its administrator {@code AD_<SIREN>}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.CALLER)
    public Response create(NewOrganisation request) {
        Organisation organisation = Json.require(request).organisation();
        Perimeter.require(Call.current().requireCaller(), organisation.federation());
        CreatedOrganisation created = organisations.get().create(organisation, request.administratorEmail(),
            Call.current().actor());
        return Response.status(201).entity(new Created(created.organisation(), new Administrator(
            created.administrator().account().login(), created.administrator().activationCode()))).build();
    }

    /** Checks a {@code ;}-separated list of organisations, and applies it when {@code apply=true} and it has no error. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.CALLER)
    public Response importCsv(@QueryParam("apply") @DefaultValue("false") boolean apply, String csv) {
        ImportReport report = organisations.get().importCsv(csv, apply, Call.current().requireCaller().federation(),
            Call.current().actor());
        return Response.status(apply && !report.errors().isEmpty() ? 422 : 200).entity(report).build();
    }

    /** One organisation; the ETag is its revision. */
    @GET
    @Path("{siren}")
    @Access(value = Access.Level.ORGANISATION, operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.TARGET)
    public Response get(@PathParam("siren") String siren) {
        return tagged(organisations.get().find(siren).orElseThrow(() -> unknown(siren)));
    }

    /** Updates an organisation (its SIREN never changes); {@code If-Match} is required. */
    @PUT
    @Path("{siren}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, right = Access.OPERATORS_ONLY,
        operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.TARGET)
    public Response update(@PathParam("siren") String siren, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           OrganisationChanges changes) {
        long revision = Json.revision(ifMatch);
        Organisation organisation = Json.require(changes).organisation();
        if (!siren.equals(organisation.siren())) {
            throw LiasseException.invalid("siren-immuable", "Le SIREN d'une organisation ne change pas.", List.of());
        }
        Perimeter.require(Call.current().requireCaller(), organisation.federation());
        return tagged(organisations.get().update(organisation, revision, Call.current().actor()));
    }

    private static Response tagged(Organisation organisation) {
        return Response.ok(organisation).tag(new EntityTag(Long.toString(organisation.revision()))).build();
    }

    /** Dossiers of an organisation, without their values. */
    @GET
    @Path("{siren}/dossiers")
    @Access(value = Access.Level.ORGANISATION, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<Dossier> dossiers(@PathParam("siren") String siren) {
        organisations.get().find(siren).orElseThrow(() -> unknown(siren));
        return dossiers.get().listForOrganisation(siren);
    }

    /**
     * The dossiers the organisation may initialise: the questionnaires listed by open campaigns, with an active
     * version, for which it has no dossier yet.
     */
    @GET
    @Path("{siren}/dossiers/available")
    @Access(value = Access.Level.ORGANISATION, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<AvailableDossier> available(@PathParam("siren") String siren) {
        Organisation organisation = organisations.get().find(siren).orElseThrow(() -> unknown(siren));
        Set<String> existing = dossiers.get().listForOrganisation(siren).stream()
            .map(d -> d.year() + " " + d.questionnaireCode()).collect(Collectors.toSet());
        List<AvailableDossier> available = new ArrayList<>();
        for (Campaign campaign : campaigns.get().list()) {
            if (campaign.state() != CampaignState.OPEN) {
                continue;
            }
            for (CampaignQuestionnaire questionnaire : campaign.questionnaires()) {
                if (existing.contains(campaign.year() + " " + questionnaire.code())) {
                    continue;
                }
                plugins.get().collected(campaign.year(), questionnaire)
                    .filter(definition -> definition.appliesTo(organisation.type()))
                    .ifPresent(definition -> available.add(new AvailableDossier(campaign.year(), definition.code(),
                        definition.version(), definition.title(), questionnaire.deadline().toString())));
            }
        }
        return available;
    }

    /**
     * Opens (initialises) the organisation's dossier for a campaign, under the questionnaire version the campaign
     * collects, prefilled with the carried-over values of the previous campaign.
     */
    @POST
    @Path("{siren}/dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.ORGANISATION, right = Rights.INITIALISE, perimeter = Access.Scope.TARGET)
    public Response createDossier(@PathParam("siren") String siren, NewDossier request) {
        Json.require(request);
        Dossier dossier = dossiers.get().create(siren, request.year(), request.questionnaire());
        return DossierResource.withTag(Response.status(201), dossier);
    }

    private static LiasseException unknown(String siren) {
        return LiasseException.notFound("organisation-inconnue", "Aucune organisation de SIREN « " + siren + " ».");
    }
}
