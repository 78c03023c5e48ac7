package org.liasse.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.error.LiasseException;
import org.liasse.api.exchange.DossierExchange;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.workflow.Completion;
import org.liasse.api.workflow.CompletionQuery;
import org.liasse.api.workflow.CompletionRow;
import org.liasse.api.workflow.CompletionService;
import org.liasse.api.workflow.ReminderService;
import org.liasse.api.workflow.SentReminder;

/**
 * Following a campaign: the completion dashboard (JSON, CSV or XLSX, the lateness list being its late rows) and the
 * reminder emails sent on demand. A federation operator sees and reminds only the organisations of its federation.
 */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CompletionResource {

    private static final List<String> HEADERS = List.of("SIREN", "Organisation", "Type", "Fédération", "Région",
        "Département", "Questionnaire", "Dépôt", "Dossier", "Étape", "Rang de l’étape", "Dernière activité", "Contrôles",
        "À revérifier", "Date limite", "En retard", "Jours de retard");
    private static final DateTimeFormatter ACTIVITY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.of("Europe/Paris"));

    private final Supplier<CompletionService> completion;
    private final Supplier<ReminderService> reminders;
    private final Supplier<DossierExchange> exchange;

    CompletionResource(Supplier<CompletionService> completion, Supplier<ReminderService> reminders,
                       Supplier<DossierExchange> exchange) {
        this.completion = completion;
        this.reminders = reminders;
        this.exchange = exchange;
    }

    /**
     * Where each organisation stands for each questionnaire of the campaign, with the progress over time. Filters:
     * {@code federation}, {@code type}, {@code region}, {@code department}, {@code questionnaire}, {@code step} (a
     * step code or {@code NON_INITIALISE}), {@code late} ({@code true}/{@code false}); order: {@code sort}.
     */
    @GET
    @Path("{year}/completion")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.CALLER)
    public Completion completion(@PathParam("year") int year, @QueryParam("federation") String federation,
                                 @QueryParam("type") String type, @QueryParam("region") String region,
                                 @QueryParam("department") String department,
                                 @QueryParam("questionnaire") String questionnaire, @QueryParam("step") String step,
                                 @QueryParam("late") String late, @QueryParam("sort") String sort) {
        return completion.get().completion(year, query(federation, type, region, department, questionnaire, step,
            late, sort));
    }

    /**
     * The same rows as a CSV ({@code format=csv}, the default) or XLSX file, with the same filters; with
     * {@code late=true} it is the lateness list (who missed which deadline, by how many days).
     */
    @GET
    @Path("{year}/completion/export")
    @Produces(MediaType.WILDCARD)
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPPORT,
        OperatorRole.PLUGIN_MANAGER, OperatorRole.SUPER_ADMIN}, perimeter = Access.Scope.CALLER)
    public Response export(@PathParam("year") int year, @QueryParam("format") String format,
                           @QueryParam("federation") String federation, @QueryParam("type") String type,
                           @QueryParam("region") String region, @QueryParam("department") String department,
                           @QueryParam("questionnaire") String questionnaire, @QueryParam("step") String step,
                           @QueryParam("late") String late, @QueryParam("sort") String sort) {
        ExchangeFormat chosen = format == null || format.isBlank() ? ExchangeFormat.CSV : ExchangeFormat.named(format)
            .filter(f -> f != ExchangeFormat.XML).orElseThrow(() -> new LiasseException(400, "format-inconnu",
                "Format de fichier inconnu : choisissez csv ou xlsx (paramètre format)."));
        CompletionQuery query = query(federation, type, region, department, questionnaire, step, late, sort);
        Completion result = completion.get().completion(year, query);
        boolean lateness = Boolean.TRUE.equals(query.late());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exchange.get().writeTable(chosen, lateness ? "Retards " + year : "Suivi " + year, HEADERS,
                result.rows().stream().map(CompletionResource::line).toList(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = (lateness ? "retards-" : "suivi-") + year + "." + chosen.extension();
        return Response.ok(out.toByteArray(), chosen.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(name))
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .build();
    }

    /**
     * Sends today's reminders of an open campaign now (those the daily run would send), and returns them; a reminder
     * already sent is never sent again.
     */
    @POST
    @Path("{year}/reminders")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.CALLER)
    public List<SentReminder> remind(@PathParam("year") int year) {
        return reminders.get().remind(year, Call.current().requireCaller().federation());
    }

    /** The query of the parameters, limited to the caller's federation (403 for another one). */
    private static CompletionQuery query(String federation, String type, String region, String department,
                                         String questionnaire, String step, String late, String sort) {
        Caller caller = Call.current().requireCaller();
        CompletionQuery query = new CompletionQuery(federation, type, region, department, questionnaire, step,
            late(late), sort);
        if (caller.federation() == null) {
            return query;
        }
        if (federation != null && !federation.isBlank()) {
            Perimeter.require(caller, federation.strip());
        }
        return query.inFederation(caller.federation());
    }

    private static Boolean late(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw LiasseException.invalid("filtre-invalide", "Le filtre « late » vaut true ou false.", List.of());
        };
    }

    /** A row of the exported table. */
    private static List<Object> line(CompletionRow row) {
        String control = switch (row.control()) {
            case NOT_VERIFIED -> "Non vérifié";
            case ERRORS -> FrenchFormat.count(row.errors(), "erreur", "erreurs");
            case WARNINGS -> FrenchFormat.count(row.warnings(), "alerte non justifiée", "alertes non justifiées");
            case OK -> "Conforme";
        };
        return Arrays.asList(row.siren(), row.name(), row.type(), row.federation(), row.region(), row.department(),
            row.questionnaire(), row.voluntary() ? "volontaire" : "obligatoire", row.dossierId(),
            row.stepLabel() == null ? "Non initialisé" : row.stepLabel(),
            row.stepIndex() + " sur " + row.stepCount(),
            row.lastActivity() == null ? null : ACTIVITY.format(row.lastActivity()), control,
            row.reverify() ? "oui" : "non", FrenchFormat.date(row.deadline()), row.late() ? "oui" : "non", row.daysLate());
    }
}
