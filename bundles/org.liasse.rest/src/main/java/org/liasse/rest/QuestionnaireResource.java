package org.liasse.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.QuestionnaireDiff;
import org.liasse.api.error.LiasseException;
import org.liasse.api.exchange.DossierExchange;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.signature.SignatureService;
import org.liasse.api.signature.StatementSection;

/**
 * Active questionnaire versions, what changed from one version to the next, and their blank forms (« trames »)
 * organisations download to prepare their figures, before the campaign opens too.
 */
@Path("/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {

    private static final String PDF = "application/pdf";
    private static final List<String> FORM_HEADERS = List.of("cellule", "valeur", "Fiche", "Tableau", "Ligne",
        "Colonne", "Type", "Guide de saisie");

    private final Supplier<PluginRegistry> registry;
    private final Supplier<SignatureService> signatures;
    private final Supplier<DossierExchange> exchange;

    QuestionnaireResource(Supplier<PluginRegistry> registry, Supplier<SignatureService> signatures,
                          Supplier<DossierExchange> exchange) {
        this.registry = registry;
        this.signatures = signatures;
        this.exchange = exchange;
    }

    /**
     * A questionnaire version as clients render it.
     *
     * @param code     questionnaire code
     * @param version  version
     * @param title    French title
     * @param years    campaign years it applies to
     * @param fiches   fiches, tables, rows and columns
     * @param formulas computed cell to its formula as a tree (see {@code Formula.tree()}), in evaluation order
     */
    public record QuestionnaireView(String code, String version, String title, List<Integer> years,
                                    List<FicheDefinition> fiches, Map<String, List<Object>> formulas) {

        static QuestionnaireView of(QuestionnaireDefinition questionnaire) {
            Map<String, List<Object>> formulas = new LinkedHashMap<>();
            questionnaire.computed().forEach((cell, formula) -> formulas.put(cell, formula.tree()));
            return new QuestionnaireView(questionnaire.code(), questionnaire.version(), questionnaire.title(),
                questionnaire.years(), questionnaire.fiches(), formulas);
        }
    }

    /**
     * A version in the list of versions.
     *
     * @param version version
     * @param title   French title
     * @param years   campaign years it applies to
     */
    public record VersionSummary(String version, String title, List<Integer> years) {
    }

    /** Active versions of a questionnaire, oldest first. */
    @GET
    @Path("{code}")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public List<VersionSummary> versions(@PathParam("code") String code) {
        List<QuestionnaireDefinition> versions = registry.get().questionnaireVersions(code);
        if (versions.isEmpty()) {
            throw LiasseException.notFound("questionnaire-inconnu", "Aucun questionnaire actif « " + code + " ».");
        }
        return versions.stream().map(q -> new VersionSummary(q.version(), q.title(), q.years())).toList();
    }

    /** An active questionnaire version with its fiches, tables, cells and formulas. */
    @GET
    @Path("{code}/{version}")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public QuestionnaireView questionnaire(@PathParam("code") String code, @PathParam("version") String version) {
        return QuestionnaireView.of(find(code, version));
    }

    /** What changed between two active versions, cell by cell. */
    @GET
    @Path("{code}/diff")
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public QuestionnaireDiff diff(@PathParam("code") String code, @QueryParam("from") String from,
                                  @QueryParam("to") String to) {
        if (from == null || to == null) {
            throw LiasseException.invalid("parametre-manquant", "Indiquez les deux versions à comparer "
                + "(paramètres « from » et « to »).", List.of());
        }
        return QuestionnaireDiff.between(find(code, from), find(code, to));
    }

    /**
     * The blank form of a version ({@code format}: {@code pdf} by default, or {@code xlsx}). The PDF shows the fiches
     * as the tables to fill with the guide de saisie; the workbook lists the cells to enter, one a line, in the
     * columns {@code cellule} and {@code valeur} of the built-in import format, so that it can be imported once
     * filled (a line left with an empty value clears its cell: delete the lines not filled).
     */
    @GET
    @Path("{code}/{version}/trame")
    @Produces({PDF, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public Response form(@PathParam("code") String code, @PathParam("version") String version,
                         @QueryParam("format") String format) {
        QuestionnaireDefinition questionnaire = find(code, version);
        int year = questionnaire.years().get(questionnaire.years().size() - 1);
        String name = "trame-" + questionnaire.code() + "-" + questionnaire.version();
        if (format == null || format.isBlank() || "pdf".equalsIgnoreCase(format.strip())) {
            return download(signatures.get().form(questionnaire, year), PDF, name + ".pdf");
        }
        if (ExchangeFormat.named(format).filter(ExchangeFormat.XLSX::equals).isEmpty()) {
            throw new LiasseException(400, "format-inconnu",
                "Format de trame inconnu : choisissez pdf ou xlsx (paramètre format).");
        }
        Map<String, CellDefinition> cells = questionnaire.cells();
        List<List<Object>> lines = StatementSection.form(questionnaire).stream()
            .flatMap(fiche -> fiche.lines().stream().filter(line -> !cells.get(line.cell()).computed())
                .map(line -> Arrays.<Object>asList(line.cell(), null, fiche.label(), line.table(), line.row(),
                    line.column(), kind(cells.get(line.cell()).column()), line.help())))
            .toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exchange.get().writeTable(ExchangeFormat.XLSX, "Trame " + questionnaire.code(), FORM_HEADERS, lines, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out.toByteArray(), ExchangeFormat.XLSX.mediaType(), name + ".xlsx");
    }

    /** What a column takes, in French, e.g. « montant en euros », « code : OPH, ESH ». */
    private static String kind(ColumnDefinition column) {
        return switch (column.type()) {
            case INTEGER -> "nombre entier";
            case DECIMAL -> "nombre décimal";
            case AMOUNT -> "montant en euros";
            case PERCENTAGE -> "pourcentage";
            case TEXT -> "texte";
            case DATE -> "date JJ/MM/AAAA";
            case CODE -> "code : " + String.join(", ", column.codes());
            case BOOLEAN -> "oui ou non";
        };
    }

    private static Response download(byte[] content, String mediaType, String name) {
        return Response.ok(content, mediaType).header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(name))
            .build();
    }

    private QuestionnaireDefinition find(String code, String version) {
        return registry.get().questionnaire(code, version)
            .orElseThrow(() -> LiasseException.notFound("questionnaire-inconnu",
                "Aucun questionnaire actif « " + code + " » en version " + version + "."));
    }
}
