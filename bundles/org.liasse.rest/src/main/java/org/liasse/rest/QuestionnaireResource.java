package org.liasse.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.QuestionnaireDiff;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;

/** Active questionnaire versions and what changed from one version to the next. */
@Path("/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {

    private final Supplier<PluginRegistry> registry;

    QuestionnaireResource(Supplier<PluginRegistry> registry) {
        this.registry = registry;
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

    private QuestionnaireDefinition find(String code, String version) {
        return registry.get().questionnaire(code, version)
            .orElseThrow(() -> LiasseException.notFound("questionnaire-inconnu",
                "Aucun questionnaire actif « " + code + " » en version " + version + "."));
    }
}
