package org.liasse.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.LiasseException;

/**
 * {@code liasse:campaign-state <year> <state>}: opens, closes, reopens or archives a campaign, as the REST operation
 * does, under the shell user (the service records the move in the audit log in the same transaction).
 */
@Command(scope = "liasse", name = "campaign-state", description = "Ouvre, clôt, rouvre ou archive une campagne.")
@Service
public class CampaignStateCommand implements Action {

    @Reference
    CampaignService campaigns;

    @Argument(index = 0, name = "annee", description = "Exercice de la campagne", required = true)
    int year;

    @Argument(index = 1, name = "etat", description = "OPEN, CLOSED ou ARCHIVED (ou ouverte, close, archivee)",
        required = true)
    String state;

    @Override
    public Object execute() {
        // The console acts on the campaign as it is now: the revision read here, not one a client kept.
        long revision = campaigns.find(year).orElseThrow(() -> LiasseException.notFound("campagne-inconnue",
            "Aucune campagne pour l'exercice " + year + ".")).revision();
        Campaign changed = campaigns.changeState(year, parse(state), revision,
            "shell:" + System.getProperty("user.name"));
        System.out.println("Campagne " + year + " : " + changed.state() + ".");
        return null;
    }

    static CampaignState parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "ouverte", "ouvrir", "open" -> CampaignState.OPEN;
            case "close", "clore", "closed" -> CampaignState.CLOSED;
            case "archivee", "archivée", "archiver", "archived" -> CampaignState.ARCHIVED;
            case "preparation", "préparation" -> CampaignState.PREPARATION;
            default -> throw new IllegalArgumentException("État inconnu « " + text
                + " » : OPEN, CLOSED ou ARCHIVED (ou ouverte, close, archivee).");
        };
    }
}
