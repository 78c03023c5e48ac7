package org.liasse.storage;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.error.LiasseException;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.identity.Mailer;
import org.liasse.api.identity.Rights;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.workflow.CompletionQuery;
import org.liasse.api.workflow.CompletionRow;
import org.liasse.api.workflow.CompletionService;
import org.liasse.api.workflow.ReminderService;
import org.liasse.api.workflow.SentReminder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminder emails before deadlines, and after them to the organisations still late, sent every day at the configured
 * hour for every open campaign, and on demand. A reminder goes to the organisation's users who hold the right of the
 * dossier's next step (its administrator when nobody does); an organisation that files voluntarily is never reminded. Each one is recorded before it is sent: a crash may lose
 * one, a restart never sends one twice. A reminder day is an offset from the deadline: positive before it, negative
 * after it.
 */
@Component(service = ReminderService.class, configurationPid = ReminderConfig.PID)
@Designate(ocd = ReminderConfig.class)
public class JpaReminderService implements ReminderService {

    private static final Logger LOG = LoggerFactory.getLogger(JpaReminderService.class);
    private static final int RECIPIENTS_LENGTH = 4000;

    private final JpaStore store;
    private final CampaignService campaigns;
    private final CompletionService completion;
    private final PluginRegistry plugins;
    private final Mailer mailer;
    private final List<Integer> days;
    private final String publicUrl;
    private final ScheduledExecutorService daily;

    /** An active member of an organisation, with an email. */
    private record Member(String login, String email, String profile, List<String> rights) {
    }

    /** Reads the reminder days and schedules the daily run. */
    @Activate
    public JpaReminderService(@Reference JpaStore store, @Reference CampaignService campaigns,
                              @Reference CompletionService completion, @Reference PluginRegistry plugins,
                              @Reference Mailer mailer, ReminderConfig config) {
        this.store = store;
        this.campaigns = campaigns;
        this.completion = completion;
        this.plugins = plugins;
        this.mailer = mailer;
        this.days = offsets(config.reminder_days(), config.reminder_days_after());
        this.publicUrl = config.public_url().replaceAll("/+$", "");
        this.daily = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "liasse-relances");
            thread.setDaemon(true);
            return thread;
        });
        ZonedDateTime now = ZonedDateTime.now(Dashboard.PARIS);
        ZonedDateTime next = now.truncatedTo(ChronoUnit.DAYS).withHour(config.reminder_hour());
        long delay = Duration.between(now, next.isAfter(now) ? next : next.plusDays(1)).toMinutes();
        daily.scheduleAtFixedRate(this::runDaily, delay, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    /** Stops the daily run. */
    @Deactivate
    void stop() {
        daily.shutdownNow();
    }

    /** The configured reminder days, largest first; refuses anything but positive whole numbers. */
    static List<Integer> days(String setting) {
        List<Integer> parsed = new ArrayList<>();
        for (String part : setting.split(",")) {
            if (!part.isBlank()) {
                int day = Integer.parseInt(part.strip());
                if (day <= 0) {
                    throw new IllegalArgumentException("reminder.days : " + setting);
                }
                parsed.add(day);
            }
        }
        return parsed.stream().distinct().sorted((a, b) -> b - a).toList();
    }

    /** The reminder offsets: the days before a deadline, largest first, then the days after it as negatives. */
    static List<Integer> offsets(String before, String after) {
        List<Integer> offsets = new ArrayList<>(days(before));
        days(after).stream().sorted().map(day -> -day).forEach(offsets::add);
        return List.copyOf(offsets);
    }

    /**
     * The reminder offset due today for a deadline: the smallest configured offset not after the days left, so that
     * a run missed (server stopped) is caught up once, with the latest reminder only. Once the deadline has passed,
     * only the offsets after it are due: a reminder before it that was missed is not sent late.
     */
    static OptionalInt due(List<Integer> days, LocalDate deadline, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, deadline);
        return days.stream().mapToInt(Integer::intValue).filter(day -> day >= left && (left >= 0 || day < 0)).min();
    }

    private void runDaily() {
        for (Campaign campaign : campaigns.list()) {
            if (campaign.state() == CampaignState.OPEN) {
                try {
                    List<SentReminder> sent = remind(campaign.year(), null);
                    LOG.info("Relances de la campagne {} : {} envoyée(s)", campaign.year(), sent.size());
                } catch (RuntimeException e) {
                    LOG.warn("Relances de la campagne {} interrompues : {}", campaign.year(), e.getMessage());
                }
            }
        }
    }

    @Override
    public synchronized List<SentReminder> remind(int year, String federation) {
        Campaign campaign = campaigns.find(year).orElseThrow(() -> LiasseException.notFound("campagne-inconnue",
            "Aucune campagne pour l'exercice " + year + "."));
        if (campaign.state() != CampaignState.OPEN) {
            throw LiasseException.conflict("campagne-fermee", "La campagne " + year + " n'est pas ouverte : "
                + "aucune relance n'est envoyée.");
        }
        LocalDate today = LocalDate.now(Dashboard.PARIS);
        List<CompletionRow> rows = completion.completion(year, CompletionQuery.all().inFederation(federation)).rows();
        Set<String> sent = sent(year);
        Map<String, List<Member>> users = null;
        List<SentReminder> done = new ArrayList<>();
        for (CompletionRow row : rows) {
            OptionalInt day = due(days, row.deadline(), today);
            if (row.finished() || row.voluntary() || day.isEmpty()
                || sent.contains(key(row.siren(), row.questionnaire(), row.deadline(), day.getAsInt()))) {
                continue;
            }
            if (users == null) {
                users = users();
            }
            WorkflowDefinition workflow = plugins.workflow(row.questionnaire());
            String right = row.stepIndex() == 0 ? Rights.INITIALISE : workflow.steps().get(row.stepIndex()).right();
            List<String> recipients = recipients(users.getOrDefault(row.siren(), List.of()), row.siren(), right);
            if (recipients.isEmpty() || !claim(year, row, day.getAsInt(), recipients)) {
                continue;
            }
            send(campaign, row, day.getAsInt(), workflow, recipients, today);
            done.add(new SentReminder(row.siren(), row.name(), row.questionnaire(), row.deadline(), day.getAsInt(),
                row.stepLabel() == null ? "non initialisé" : row.stepLabel(), recipients));
        }
        return done;
    }

    private static String key(String siren, String questionnaire, LocalDate deadline, int day) {
        return siren + " " + questionnaire + " " + deadline + " " + day;
    }

    /** Reminders of the campaign already sent. */
    private Set<String> sent(int year) {
        return store.inJdbcTransaction(connection -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT siren, questionnaire_code, deadline, "
                + "days_before FROM reminder WHERE campaign_year = ?")) {
                select.setInt(1, year);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(key(rows.getString(1).strip(), rows.getString(2), rows.getDate(3).toLocalDate(),
                            rows.getInt(4)));
                    }
                }
            }
            return keys;
        });
    }

    /** Active members of organisations with an email, by SIREN. */
    private Map<String, List<Member>> users() {
        return store.inJdbcTransaction(connection -> {
            Map<String, List<Member>> users = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT siren, login, email, profile, rights "
                + "FROM app_user WHERE siren IS NOT NULL AND active = TRUE ORDER BY login");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String email = rows.getString(3);
                    if (email != null && !email.isBlank()) {
                        String rights = rows.getString(5);
                        users.computeIfAbsent(rows.getString(1).strip(), s -> new ArrayList<>()).add(new Member(
                            rows.getString(2), email.strip(), rows.getString(4),
                            rights == null ? List.of() : Arrays.asList(rights.split(","))));
                    }
                }
            }
            return users;
        });
    }

    /** Addresses of the members holding the right, or of the administrator when none does. */
    private static List<String> recipients(List<Member> members, String siren, String right) {
        List<String> holders = members.stream().filter(m -> m.rights().contains(right)).map(Member::email).distinct()
            .toList();
        if (!holders.isEmpty()) {
            return holders;
        }
        return members.stream().filter(m -> m.login().equals("AD_" + siren) || "ADMINISTRATEUR".equals(m.profile()))
            .map(Member::email).distinct().toList();
    }

    /** Records the reminder; false when it was recorded meanwhile (another run won). */
    private boolean claim(int year, CompletionRow row, int day, List<String> recipients) {
        String joined = String.join(", ", recipients);
        try {
            return store.inJdbcTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reminder (campaign_year, siren, "
                    + "questionnaire_code, deadline, days_before, sent_at, recipients) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setInt(1, year);
                    insert.setString(2, row.siren());
                    insert.setString(3, row.questionnaire());
                    insert.setDate(4, Date.valueOf(row.deadline()));
                    insert.setInt(5, day);
                    insert.setTimestamp(6, Timestamp.from(Instant.now()));
                    insert.setString(7, joined.length() > RECIPIENTS_LENGTH ? joined.substring(0, RECIPIENTS_LENGTH) : joined);
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (LiasseException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    private void send(Campaign campaign, CompletionRow row, int day, WorkflowDefinition workflow,
                      List<String> recipients, LocalDate today) {
        String title = plugins.questionnaireForYear(row.questionnaire(), campaign.year())
            .map(QuestionnaireDefinition::title).orElse(row.questionnaire());
        long left = ChronoUnit.DAYS.between(today, row.deadline());
        String when = left == 0 ? "aujourd’hui" : left == 1 ? "demain" : left > 1 ? "dans " + left + " jours"
            : "il y a " + FrenchFormat.count(-left, "jour", "jours") + " : le dossier est en retard";
        String where = row.dossierId() == null
            ? "Le dossier n'a pas encore été initialisé : initialisez-le depuis « Mes dossiers » :\n" + publicUrl
                + "/dossiers.html"
            : "Le dossier est à l'étape « " + row.stepLabel() + " » (" + row.stepIndex() + " sur " + row.stepCount()
                + ") ; l'étape suivante est « " + workflow.steps().get(row.stepIndex()).label() + " ». Pour y accéder :\n"
                + publicUrl + "/dossier/sommaire.html?id=" + row.dossierId();
        String subject = "Liasse : « " + title + " » " + campaign.year() + (left < 0 ? " en retard, attendu le "
            : " à remettre avant le ") + FrenchFormat.longDate(row.deadline());
        String text = "Bonjour,\n\nLe questionnaire « " + title + " » (" + row.questionnaire() + ") de la campagne "
            + campaign.year() + " de " + row.name() + " (SIREN " + row.siren() + ") doit avoir atteint sa dernière "
            + "étape « " + workflow.steps().get(workflow.steps().size() - 1).label() + " » au plus tard le "
            + FrenchFormat.longDate(row.deadline()) + ", soit " + when + ".\n\n" + where + "\n\n"
            + "Ce message est envoyé automatiquement une seule fois, " + (left == 0 ? "le jour de l’échéance"
                : FrenchFormat.count(Math.abs(left), "jour", "jours") + (left > 0 ? " avant" : " après") + " l’échéance")
            + ".\n";
        for (String recipient : recipients) {
            try {
                mailer.send(recipient, FrenchFormat.typography(subject), FrenchFormat.typography(text));
            } catch (LiasseException e) {
                forget(campaign.year(), row, day);
                throw e;
            }
        }
    }

    /** Removes the record of a reminder that could not be sent, so that the next run tries again. */
    private void forget(int year, CompletionRow row, int day) {
        store.inJdbcTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM reminder WHERE campaign_year = ? "
                + "AND siren = ? AND questionnaire_code = ? AND deadline = ? AND days_before = ?")) {
                delete.setInt(1, year);
                delete.setString(2, row.siren());
                delete.setString(3, row.questionnaire());
                delete.setDate(4, Date.valueOf(row.deadline()));
                delete.setInt(5, day);
                return delete.executeUpdate();
            }
        });
    }
}
