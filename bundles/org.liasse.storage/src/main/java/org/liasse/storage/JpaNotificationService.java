package org.liasse.storage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.Rights;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.workflow.Notification;
import org.liasse.api.workflow.NotificationKind;
import org.liasse.api.workflow.NotificationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Notifications computed on demand from the open campaigns, the organisation's dossiers (one query) and the last
 * transition of each (one query).
 */
@Component(service = NotificationService.class)
public class JpaNotificationService implements NotificationService {


    private record Row(long id, int year, String code, String step) {
    }

    private record LastTransition(String kind, String reason) {
    }

    private final JpaStore store;
    private final CampaignService campaigns;
    private final PluginRegistry plugins;

    /** Uses the shared persistence unit, the campaigns and the plugins' workflows. */
    @Activate
    public JpaNotificationService(@Reference JpaStore store, @Reference CampaignService campaigns,
                                  @Reference PluginRegistry plugins) {
        this.store = store;
        this.campaigns = campaigns;
        this.plugins = plugins;
    }

    @Override
    public List<Notification> forCaller(Caller caller, LocalDate today) {
        if (caller.operator() || caller.siren() == null) {
            return List.of();
        }
        List<Campaign> open = campaigns.list().stream().filter(c -> c.state() == CampaignState.OPEN).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, Row> dossiers = new HashMap<>();
        Map<Long, LastTransition> last = new HashMap<>();
        String type = store.inTransaction(em -> {
            for (Object row : em.createNativeQuery("SELECT id, campaign_year, questionnaire_code, step FROM dossier "
                    + "WHERE siren = ?").setParameter(1, caller.siren()).getResultList()) {
                Object[] d = (Object[]) row;
                Row dossier = new Row(((Number) d[0]).longValue(), ((Number) d[1]).intValue(), (String) d[2], (String) d[3]);
                dossiers.put(dossier.year() + " " + dossier.code(), dossier);
            }
            for (Object row : em.createNativeQuery("SELECT t.dossier_id, t.kind, t.reason FROM dossier_transition t "
                    + "JOIN dossier d ON d.id = t.dossier_id WHERE d.siren = ? ORDER BY t.id")
                .setParameter(1, caller.siren()).getResultList()) {
                Object[] t = (Object[]) row;
                last.put(((Number) t[0]).longValue(), new LastTransition((String) t[1], (String) t[2]));
            }
            return (String) em.createNativeQuery("SELECT org_type FROM organisation WHERE siren = ?")
                .setParameter(1, caller.siren()).getSingleResult();
        });
        List<Notification> notifications = new ArrayList<>();
        for (Campaign campaign : open) {
            for (CampaignQuestionnaire questionnaire : campaign.questionnaires()) {
                Row dossier = dossiers.get(campaign.year() + " " + questionnaire.code());
                Optional<QuestionnaireDefinition> collected = plugins.collected(campaign.year(), questionnaire);
                boolean voluntary = collected.map(q -> q.voluntaryFor(type)).orElse(false);
                notifications.addAll(dossier == null
                    ? toInitialise(caller, collected.map(q -> q.appliesTo(type)).orElse(false), campaign, questionnaire,
                        voluntary)
                    : about(caller, campaign.year(), questionnaire, dossier, last.get(dossier.id()), today, voluntary));
            }
        }
        notifications.sort(Comparator.comparing(Notification::kind).thenComparing(Notification::deadline));
        return notifications;
    }

    /**
     * The dossier to initialise, when the caller may and the organisation files the questionnaire the campaign
     * collects ({@code files}); a voluntary filing is offered, not required.
     */
    private static List<Notification> toInitialise(Caller caller, boolean files, Campaign campaign,
                                                   CampaignQuestionnaire questionnaire, boolean voluntary) {
        if (!caller.rights().contains(Rights.INITIALISE) || !files) {
            return List.of();
        }
        String deadline = FrenchFormat.longDate(questionnaire.deadline());
        return List.of(new Notification(NotificationKind.TO_INITIALISE, campaign.year(), questionnaire.code(), null,
            questionnaire.deadline(), questionnaire.code() + " " + campaign.year() + (voluntary
                ? " : dépôt volontaire, à initialiser si votre organisme y participe, de préférence avant le " + deadline + "."
                : " : dossier à initialiser, à déposer au plus tard le " + deadline + ".")));
    }

    private List<Notification> about(Caller caller, int year, CampaignQuestionnaire questionnaire, Row dossier,
                                     LastTransition last, LocalDate today, boolean voluntary) {
        WorkflowDefinition workflow = plugins.workflow(dossier.code());
        int index = workflow.index(dossier.step());
        boolean finished = index == workflow.steps().size() - 1;
        String name = dossier.code() + " " + year + " : ";
        List<Notification> notifications = new ArrayList<>();
        if (last != null && "SEND_BACK".equals(last.kind()) && index == 0) {
            notifications.add(notification(NotificationKind.SENT_BACK, year, questionnaire, dossier,
                name + "dossier renvoyé par le partenaire. Motif : « " + last.reason() + " »."));
        }
        if (!finished) {
            StepDefinition next = workflow.steps().get(index + 1);
            if (caller.rights().contains(next.right())) {
                notifications.add(notification(NotificationKind.TO_ADVANCE, year, questionnaire, dossier,
                    name + "à faire passer à l’étape « " + next.label() + " »."));
            }
            long days = ChronoUnit.DAYS.between(today, questionnaire.deadline());
            if (voluntary) {
                return notifications;
            }
            if (days < 0) {
                notifications.add(notification(NotificationKind.LATE, year, questionnaire, dossier, name + "échéance du "
                    + FrenchFormat.longDate(questionnaire.deadline()) + " dépassée de " + FrenchFormat.count(-days, "jour", "jours") + "."));
            } else if (days <= DEADLINE_NOTICE_DAYS) {
                notifications.add(notification(NotificationKind.DEADLINE_NEAR, year, questionnaire, dossier, name
                    + "échéance le " + FrenchFormat.longDate(questionnaire.deadline()) + ", dans " + FrenchFormat.count(days, "jour", "jours") + "."));
            }
        }
        return notifications;
    }

    private static Notification notification(NotificationKind kind, int year, CampaignQuestionnaire questionnaire,
                                             Row dossier, String message) {
        return new Notification(kind, year, questionnaire.code(), dossier.id(), questionnaire.deadline(), message);
    }
}
