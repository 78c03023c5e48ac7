package org.liasse.storage;

import java.util.List;
import java.util.Optional;

import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.error.LiasseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Campaigns stored with JPA. */
@Component(service = CampaignService.class)
public class JpaCampaignService implements CampaignService {

    private final JpaStore store;

    /** Uses the shared persistence unit. */
    @Activate
    public JpaCampaignService(@Reference JpaStore store) {
        this.store = store;
    }

    @Override
    public List<Campaign> list() {
        return store.inTransaction(em -> em.createQuery(
                "SELECT c FROM CampaignEntity c ORDER BY c.year DESC", CampaignEntity.class)
            .getResultList().stream().map(CampaignEntity::toRecord).toList());
    }

    @Override
    public Optional<Campaign> find(int year) {
        return store.inTransaction(em -> Optional.ofNullable(em.find(CampaignEntity.class, year))
            .map(CampaignEntity::toRecord));
    }

    @Override
    public Campaign create(Campaign campaign) {
        if (campaign.opening() == null || campaign.deadline() == null || campaign.state() == null
            || campaign.label() == null || campaign.label().isBlank()) {
            throw LiasseException.invalid("campagne-incomplete",
                "Le libellé, les dates d'ouverture et de clôture et l'état de la campagne sont obligatoires.", List.of());
        }
        if (campaign.deadline().isBefore(campaign.opening())) {
            throw LiasseException.invalid("campagne-dates",
                "La date limite ne peut pas précéder la date d'ouverture.", List.of());
        }
        return store.inTransaction(em -> {
            if (em.find(CampaignEntity.class, campaign.year()) != null) {
                throw LiasseException.conflict("campagne-existante",
                    "La campagne de l'exercice " + campaign.year() + " existe déjà.");
            }
            em.persist(new CampaignEntity(campaign));
            return campaign;
        });
    }

    @Override
    public Campaign changeState(int year, CampaignState state) {
        return store.inTransaction(em -> {
            CampaignEntity campaign = em.find(CampaignEntity.class, year);
            if (campaign == null) {
                throw LiasseException.notFound("campagne-inconnue", "Aucune campagne pour l'exercice " + year + ".");
            }
            campaign.state(state);
            return campaign.toRecord();
        });
    }
}
