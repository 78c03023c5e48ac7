package org.liasse.rest;

import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.liasse.api.control.ControlData;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.control.ControlExplanation;
import org.liasse.api.control.ControlOutcome;
import org.liasse.api.control.ExplainedExpression;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

/** Operators' tool: one control evaluated on one dossier, with the value of every sub-expression. */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    private final Supplier<DossierService> dossiers;
    private final Supplier<ControlEngine> controls;

    ControlResource(Supplier<DossierService> dossiers, Supplier<ControlEngine> controls) {
        this.dossiers = dossiers;
        this.controls = controls;
    }

    /**
     * Why a control gives its outcome on a dossier.
     *
     * @param dossier              dossier identifier
     * @param questionnaireCode    its questionnaire
     * @param questionnaireVersion its questionnaire version, which the rules are compiled against
     * @param outcome              the outcome, as a verification gives it
     * @param expression           the rule's expression tree with the value of every sub-expression
     */
    public record Explanation(long dossier, String questionnaireCode, String questionnaireVersion,
                              ControlOutcome outcome, ExplainedExpression expression) {
    }

    /** Evaluates one control on the dossier (with its year N-1 and the organisation's other questionnaires). */
    @GET
    @Path("{id}/controls/{code}/explanation")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.VERIFY,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Explanation explain(@PathParam("id") long id, @PathParam("code") String code) {
        DossierService service = dossiers.get();
        Dossier dossier = service.find(id)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
        ControlExplanation explanation = controls.get().explain(dossier.questionnaireCode(),
                dossier.questionnaireVersion(), code, ControlData.load(service, dossier))
            .orElseThrow(() -> LiasseException.notFound("controle-inconnu", "Aucun contrôle actif « " + code
                + " » pour le questionnaire " + dossier.questionnaireCode() + " " + dossier.questionnaireVersion() + "."));
        return new Explanation(dossier.id(), dossier.questionnaireCode(), dossier.questionnaireVersion(),
            explanation.outcome(), explanation.expression());
    }
}
