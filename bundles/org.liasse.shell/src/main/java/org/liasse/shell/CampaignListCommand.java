package org.liasse.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignService;

/** {@code liasse:campaign-list}: every campaign with its state, dates and the questionnaires it collects. */
@Command(scope = "liasse", name = "campaign-list", description = "Liste les campagnes, leur état, leurs dates et "
    + "leurs questionnaires.")
@Service
public class CampaignListCommand implements Action {

    @Reference
    CampaignService campaigns;

    @Override
    public Object execute() {
        List<Campaign> all = campaigns.list();
        if (all.isEmpty()) {
            System.out.println("Aucune campagne.");
        }
        for (Campaign campaign : all) {
            System.out.println(campaign.year() + "  " + campaign.state() + "  du " + campaign.opening() + " au "
                + campaign.deadline() + "  " + campaign.label());
            for (CampaignQuestionnaire questionnaire : campaign.questionnaires()) {
                System.out.println("      " + questionnaire.code() + (questionnaire.version() == null ? ""
                    : " " + questionnaire.version()) + "  échéance " + questionnaire.deadline());
            }
        }
        return null;
    }
}
