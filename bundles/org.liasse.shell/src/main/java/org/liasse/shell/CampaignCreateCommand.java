package org.liasse.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.format.FrenchFormat;

/**
 * {@code liasse:campaign-create [-l label] [-q CODE[@version]:deadline]… <year> <opening> <closing>}: creates a
 * campaign in preparation under the shell user, as the REST operation does (the service records it in the audit
 * log in the same transaction).
 */
@Command(scope = "liasse", name = "campaign-create", description = "Crée une campagne (en préparation).")
@Service
public class CampaignCreateCommand implements Action {

    @Reference
    CampaignService campaigns;

    @Argument(index = 0, name = "annee", description = "Exercice collecté", required = true)
    int year;

    @Argument(index = 1, name = "ouverture", description = "Date d'ouverture, AAAA-MM-JJ", required = true)
    String opening;

    @Argument(index = 2, name = "cloture", description = "Date de clôture, AAAA-MM-JJ", required = true)
    String closing;

    @Option(name = "-l", aliases = "--libelle", description = "Libellé (par défaut « Campagne <exercice> »)")
    String label;

    @Option(name = "-q", aliases = "--questionnaire", multiValued = true,
        description = "Questionnaire collecté et son échéance : CODE:AAAA-MM-JJ ou CODE@version:AAAA-MM-JJ")
    List<String> questionnaires;

    @Override
    public Object execute() {
        List<CampaignQuestionnaire> collected = new ArrayList<>();
        for (String text : questionnaires == null ? List.<String>of() : questionnaires) {
            collected.add(questionnaire(text));
        }
        Campaign created = campaigns.create(new Campaign(year, label == null ? "Campagne " + year : label,
            date(opening), date(closing), CampaignState.PREPARATION, collected, 1),
            "shell:" + System.getProperty("user.name"));
        System.out.println("Campagne " + year + " créée (" + created.state() + ", "
            + FrenchFormat.count(created.questionnaires().size(), "questionnaire", "questionnaires") + ").");
        return null;
    }

    static CampaignQuestionnaire questionnaire(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Questionnaire « " + text + " » : écrivez CODE:AAAA-MM-JJ ou "
                + "CODE@version:AAAA-MM-JJ.");
        }
        String code = text.substring(0, colon);
        int at = code.indexOf('@');
        return new CampaignQuestionnaire(at < 0 ? code : code.substring(0, at), at < 0 ? null : code.substring(at + 1),
            date(text.substring(colon + 1)));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Date « " + text + " » invalide : écrivez AAAA-MM-JJ.", e);
        }
    }
}
