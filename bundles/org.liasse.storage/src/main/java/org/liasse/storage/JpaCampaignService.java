package org.liasse.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Campaigns and the questionnaires they collect, stored with JPA. */
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
        return store.inTransaction(em -> {
            Map<Integer, List<CampaignQuestionnaire>> questionnaires = new TreeMap<>();
            for (CampaignQuestionnaireEntity row : em.createQuery("SELECT q FROM CampaignQuestionnaireEntity q "
                    + "ORDER BY q.year, q.code", CampaignQuestionnaireEntity.class).getResultList()) {
                questionnaires.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row.toRecord());
            }
            return em.createQuery("SELECT c FROM CampaignEntity c ORDER BY c.year DESC", CampaignEntity.class)
                .getResultList().stream()
                .map(c -> c.toRecord(questionnaires.getOrDefault(c.year(), List.of()))).toList();
        });
    }

    @Override
    public Optional<Campaign> find(int year) {
        return store.inTransaction(em -> Optional.ofNullable(em.find(CampaignEntity.class, year))
            .map(campaign -> campaign.toRecord(questionnaires(em, year))));
    }

    @Override
    public Campaign create(Campaign campaign, String actor) {
        validate(campaign);
        if (campaign.state() == null) {
            throw LiasseException.invalid("campagne-incomplete", "L'état de la campagne est obligatoire.", List.of());
        }
        return store.inTransaction(em -> {
            if (em.find(CampaignEntity.class, campaign.year()) != null) {
                throw LiasseException.conflict("campagne-existante",
                    "La campagne de l'exercice " + campaign.year() + " existe déjà.");
            }
            em.persist(new CampaignEntity(campaign));
            for (CampaignQuestionnaire questionnaire : campaign.questionnaires()) {
                em.persist(new CampaignQuestionnaireEntity(campaign.year(), questionnaire));
            }
            JdbcAuditLog.append(em, new AuditEvent("campagne.creee", actor, null, null,
                Integer.toString(campaign.year()), campaign.label()));
            return find(em, campaign.year());
        });
    }

    @Override
    public Campaign update(Campaign campaign, long expectedRevision) {
        validate(campaign);
        return store.inTransaction(em -> {
            CampaignEntity entity = existing(em, campaign.year());
            requireRevision(entity, expectedRevision);
            if (entity.currentState() == CampaignState.ARCHIVED) {
                throw LiasseException.conflict("campagne-archivee", "Une campagne archivée ne se modifie plus.");
            }
            Set<String> kept = campaign.questionnaires().stream().map(CampaignQuestionnaire::code)
                .collect(Collectors.toSet());
            List<CampaignQuestionnaireEntity> rows = rows(em, campaign.year());
            for (CampaignQuestionnaireEntity row : rows) {
                if (!kept.contains(row.code())) {
                    refuseRemovalWithDossiers(em, campaign.year(), row.code());
                }
                em.remove(row);
            }
            em.flush();
            for (CampaignQuestionnaire questionnaire : campaign.questionnaires()) {
                em.persist(new CampaignQuestionnaireEntity(campaign.year(), questionnaire));
            }
            entity.update(campaign);
            em.flush();
            return find(em, campaign.year());
        });
    }

    @Override
    public Campaign changeState(int year, CampaignState state, long expectedRevision, String actor) {
        return store.inTransaction(em -> {
            CampaignEntity campaign = existing(em, year);
            requireRevision(campaign, expectedRevision);
            CampaignState current = campaign.currentState();
            if (!current.next().contains(state)) {
                throw LiasseException.conflict("transition-interdite", "La campagne " + year + " est « "
                    + label(current) + " » : elle ne peut pas passer à « " + label(state) + " »"
                    + (current.next().isEmpty() ? " (état final)." : " (possible : " + current.next().stream()
                        .map(JpaCampaignService::label).sorted().collect(Collectors.joining(", ")) + ")."));
            }
            campaign.state(state);
            JdbcAuditLog.append(em, new AuditEvent("campagne.etat", actor, null, null, Integer.toString(year),
                state.name()));
            return campaign.toRecord(questionnaires(em, year));
        });
    }

    private static void requireRevision(CampaignEntity campaign, long expectedRevision) {
        if (campaign.revision() != expectedRevision) {
            throw new LiasseException(412, "revision-perimee", "La campagne a été modifiée entre-temps (révision "
                + "attendue " + expectedRevision + ", actuelle " + campaign.revision() + ") : rechargez-la.");
        }
    }

    /** French name of a state, as shown in messages. */
    static String label(CampaignState state) {
        return switch (state) {
            case PREPARATION -> "en préparation";
            case OPEN -> "ouverte";
            case CLOSED -> "close";
            case ARCHIVED -> "archivée";
        };
    }

    private static void validate(Campaign campaign) {
        if (campaign.opening() == null || campaign.deadline() == null || campaign.label() == null
            || campaign.label().isBlank()) {
            throw LiasseException.invalid("campagne-incomplete",
                "Le libellé, les dates d'ouverture et de clôture et l'état de la campagne sont obligatoires.", List.of());
        }
        if (campaign.deadline().isBefore(campaign.opening())) {
            throw LiasseException.invalid("campagne-dates",
                "La date limite ne peut pas précéder la date d'ouverture.", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CampaignQuestionnaire questionnaire : campaign.questionnaires()) {
            String field = "questionnaires." + questionnaire.code();
            if (questionnaire.code() == null || !questionnaire.code().matches("[A-Z][A-Z0-9_]{0,39}")) {
                errors.add(new FieldError(field, "questionnaire-invalide", "Code de questionnaire invalide."));
            } else if (!seen.add(questionnaire.code())) {
                errors.add(new FieldError(field, "questionnaire-en-double", "Ce questionnaire est déjà dans la campagne."));
            }
            if (questionnaire.deadline() == null || questionnaire.deadline().isBefore(campaign.opening())
                || questionnaire.deadline().isAfter(campaign.deadline())) {
                errors.add(new FieldError(field, "echeance-hors-campagne", "L'échéance du questionnaire "
                    + questionnaire.code() + " doit être comprise entre l'ouverture et la clôture de la campagne."));
            }
        }
        if (!errors.isEmpty()) {
            throw LiasseException.invalid("campagne-questionnaires-invalides",
                "La liste des questionnaires de la campagne est invalide.", errors);
        }
    }

    private static void refuseRemovalWithDossiers(EntityManager em, int year, String code) {
        boolean used = !em.createQuery("SELECT d.id FROM DossierEntity d WHERE d.year = :year "
                + "AND d.questionnaireCode = :code", Long.class)
            .setParameter("year", year).setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
        if (used) {
            throw LiasseException.conflict("questionnaire-utilise", "Le questionnaire " + code + " ne peut pas être "
                + "retiré de la campagne " + year + " : des dossiers existent déjà.");
        }
    }

    private static CampaignEntity existing(EntityManager em, int year) {
        CampaignEntity campaign = em.find(CampaignEntity.class, year);
        if (campaign == null) {
            throw LiasseException.notFound("campagne-inconnue", "Aucune campagne pour l'exercice " + year + ".");
        }
        return campaign;
    }

    private static Campaign find(EntityManager em, int year) {
        return existing(em, year).toRecord(questionnaires(em, year));
    }

    private static List<CampaignQuestionnaireEntity> rows(EntityManager em, int year) {
        return em.createQuery("SELECT q FROM CampaignQuestionnaireEntity q WHERE q.year = :year ORDER BY q.code",
            CampaignQuestionnaireEntity.class).setParameter("year", year).getResultList();
    }

    private static List<CampaignQuestionnaire> questionnaires(EntityManager em, int year) {
        return rows(em, year).stream().map(CampaignQuestionnaireEntity::toRecord).toList();
    }
}
