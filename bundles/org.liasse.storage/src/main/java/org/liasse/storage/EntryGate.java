package org.liasse.storage;

import javax.persistence.EntityManager;

import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;

/** Whether a dossier's values and attachments may change: its campaign is open and it is still in data entry. */
final class EntryGate {

    private EntryGate() {
    }

    /**
     * Refuses a change with 409 {@code campagne-fermee} when the campaign is not open, or {@code dossier-protege}
     * when the dossier has passed the first step of its workflow.
     */
    static void requireOpen(EntityManager em, DossierEntity dossier, PluginRegistry plugins) {
        requireCampaignOpen(em, dossier);
        WorkflowDefinition workflow = plugins.workflow(dossier.questionnaireCode());
        if (workflow.index(dossier.step()) > 0) {
            throw LiasseException.conflict("dossier-protege", "Le dossier est à l'étape « "
                + workflow.step(dossier.step()).label() + " » : il ne se modifie plus. Choisissez « Modifier le "
                + "dossier » pour le ramener en saisie.");
        }
    }

    /** Refuses a change with 409 {@code campagne-fermee} when the dossier's campaign is not open. */
    static void requireCampaignOpen(EntityManager em, DossierEntity dossier) {
        CampaignEntity campaign = em.find(CampaignEntity.class, dossier.year());
        if (campaign.currentState() != CampaignState.OPEN) {
            throw LiasseException.conflict("campagne-fermee", "La campagne " + dossier.year()
                + " n'est pas ouverte : ce dossier se consulte mais ne se modifie plus.");
        }
    }
}
