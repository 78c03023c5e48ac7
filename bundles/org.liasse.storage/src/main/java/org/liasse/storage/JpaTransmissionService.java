package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.definition.StepDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationTypes;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.Rights;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.transmission.DeliveryChannel;
import org.liasse.api.transmission.EffectiveRecipient;
import org.liasse.api.transmission.Matrix;
import org.liasse.api.transmission.MatrixRule;
import org.liasse.api.transmission.Recipient;
import org.liasse.api.transmission.RecipientKind;
import org.liasse.api.transmission.RuleKind;
import org.liasse.api.transmission.TransmissionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Recipients, versioned transmission matrices and organisations' choices, stored with native SQL so that the
 * outbox can read the effective recipients of a dossier inside the transaction that transmits it.
 */
@Component(service = {TransmissionService.class, JpaTransmissionService.class})
public class JpaTransmissionService implements TransmissionService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");
    private static final int NAME_LENGTH = 200;

    private final JpaStore store;
    private final PluginRegistry plugins;
    private final Map<String, DeliveryChannel> channels = new ConcurrentHashMap<>();

    /** Uses the shared persistence unit and the plugins' workflows; audit entries go in each change's transaction. */
    @Activate
    public JpaTransmissionService(@Reference JpaStore store, @Reference PluginRegistry plugins) {
        this.store = store;
        this.plugins = plugins;
    }

    /** A delivery channel came up. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(DeliveryChannel channel) {
        channels.put(channel.type(), channel);
    }

    /** A delivery channel went away. */
    void removeChannel(DeliveryChannel channel) {
        channels.remove(channel.type(), channel);
    }

    /** The channel of a type, if installed. */
    DeliveryChannel channel(String type) {
        return channels.get(type);
    }

    @Override
    public List<String> channelTypes() {
        return List.copyOf(new TreeSet<>(channels.keySet()));
    }

    @Override
    public List<Recipient> recipients() {
        return store.inTransaction(JpaTransmissionService::recipients);
    }

    @Override
    public Recipient saveRecipient(Recipient recipient, long expectedRevision, Caller caller) {
        Recipient saved = store.inTransaction(em -> {
            Recipient stored = recipients(em).stream().filter(r -> r.code().equals(recipient.code())).findFirst()
                .orElse(null);
            if (expectedRevision == 0 && stored != null) {
                throw LiasseException.conflict("destinataire-existant", "Un destinataire de code « " + stored.code()
                    + " » existe déjà : modifiez-le plutôt.");
            }
            if (expectedRevision != 0 && stored == null) {
                throw LiasseException.notFound("destinataire-inconnu", "Le destinataire « " + recipient.code()
                    + " » n'existe pas.");
            }
            Map<String, String> settings = new LinkedHashMap<>(recipient.settings());
            if (stored != null) {
                for (String secret : Recipient.SECRET_SETTINGS) {
                    if (settings.getOrDefault(secret, "").isEmpty() && stored.settings().containsKey(secret)) {
                        settings.put(secret, stored.settings().get(secret));
                    }
                }
            }
            Recipient candidate = new Recipient(recipient.code(), strip(recipient.name()), recipient.kind(),
                strip(recipient.territory()), strip(recipient.channel()), settings, recipient.active(),
                stored == null ? 1 : stored.revision() + 1);
            validate(candidate);
            if (stored == null) {
                em.createNativeQuery("INSERT INTO recipient (code, name, kind, territory, channel, settings, active, "
                        + "revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)")
                    .setParameter(1, candidate.code()).setParameter(2, candidate.name())
                    .setParameter(3, candidate.kind().name()).setParameter(4, candidate.territory())
                    .setParameter(5, candidate.channel()).setParameter(6, Settings.write(settings))
                    .setParameter(7, candidate.active()).executeUpdate();
            } else {
                int updated = em.createNativeQuery("UPDATE recipient SET name = ?, kind = ?, territory = ?, channel = ?, "
                        + "settings = ?, active = ?, revision = revision + 1 WHERE code = ? AND revision = ?")
                    .setParameter(1, candidate.name()).setParameter(2, candidate.kind().name())
                    .setParameter(3, candidate.territory()).setParameter(4, candidate.channel())
                    .setParameter(5, Settings.write(settings)).setParameter(6, candidate.active())
                    .setParameter(7, candidate.code()).setParameter(8, expectedRevision).executeUpdate();
                if (updated == 0) {
                    throw LiasseException.conflict("destinataire-modifie", "Le destinataire « " + stored.name()
                        + " » a été modifié entre-temps (révision attendue " + expectedRevision + ", actuelle "
                        + stored.revision() + ") : rechargez-le.");
                }
            }
            JdbcAuditLog.append(em, new AuditEvent(expectedRevision == 0 ? "destinataire.cree" : "destinataire.modifie",
                caller.login(), null, null, candidate.code(), candidate.name() + " (" + candidate.kind() + ", canal "
                + candidate.channel() + (candidate.active() ? "" : ", inactif") + ")"));
            return candidate;
        });
        return saved;
    }

    private void validate(Recipient recipient) {
        List<FieldError> errors = new ArrayList<>();
        if (recipient.code() == null || !CODE.matcher(recipient.code()).matches()) {
            errors.add(new FieldError("code", "code-invalide",
                "Le code s'écrit en majuscules, chiffres, « - » ou « _ » (40 caractères au plus)."));
        } else if (Arrays.stream(RecipientKind.values()).anyMatch(k -> k.name().equals(recipient.code()))) {
            errors.add(new FieldError("code", "code-reserve", "Le code « " + recipient.code()
                + " » est réservé à la matrice (destinataire territorial)."));
        }
        if (recipient.name().isEmpty() || recipient.name().length() > NAME_LENGTH) {
            errors.add(new FieldError("name", "nom-invalide", "Le nom est obligatoire (" + NAME_LENGTH
                + " caractères au plus)."));
        }
        if (recipient.kind() == null) {
            errors.add(new FieldError("kind", "type-inconnu", "Indiquez le type de destinataire."));
        } else if (recipient.kind().territorial() && !territoryValid(recipient.kind(), recipient.territory())) {
            errors.add(new FieldError("territory", "territoire-invalide", switch (recipient.kind()) {
                case PREFET_DEPARTEMENT -> "Indiquez le code du département (par exemple 69 ou 2A).";
                case PREFET_REGION -> "Indiquez le code de la région (deux chiffres, par exemple 84).";
                default -> "Indiquez la fédération : " + String.join(", ", OrganisationTypes.FEDERATIONS) + ".";
            }));
        }
        DeliveryChannel channel = channels.get(recipient.channel());
        if (channel == null) {
            errors.add(new FieldError("channel", "canal-inconnu", "Le canal de livraison « " + recipient.channel()
                + " » n'est pas installé (canaux disponibles : " + String.join(", ", new TreeSet<>(channels.keySet()))
                + ")."));
        } else {
            channel.check(recipient.settings()).forEach(m -> errors.add(new FieldError("settings", "parametre-invalide", m)));
        }
        if (!errors.isEmpty()) {
            throw LiasseException.invalid("destinataire-invalide", "Le destinataire n'est pas enregistré : "
                + FrenchFormat.count(errors.size(), "problème", "problèmes") + " à corriger.", errors);
        }
    }

    private static boolean territoryValid(RecipientKind kind, String territory) {
        return switch (kind) {
            case PREFET_DEPARTEMENT -> territory.matches("\\d{2,3}|2[AB]");
            case PREFET_REGION -> territory.matches("\\d{2}");
            case FEDERATION -> OrganisationTypes.FEDERATIONS.contains(territory);
            default -> true;
        };
    }

    @Override
    public Matrix matrix(int year) {
        return store.inTransaction(em -> {
            requireCampaign(em, year);
            return current(em, year);
        });
    }

    @Override
    public List<Matrix> matrixHistory(int year) {
        return store.inTransaction(em -> {
            requireCampaign(em, year);
            List<Matrix> versions = new ArrayList<>();
            for (Object row : em.createNativeQuery("SELECT version FROM transmission_matrix WHERE campaign_year = ? "
                + "ORDER BY version DESC").setParameter(1, year).getResultList()) {
                versions.add(version(em, year, ((Number) row).longValue()));
            }
            return versions;
        });
    }

    @Override
    public Matrix saveMatrix(int year, long expectedVersion, List<MatrixRule> rules, Caller caller) {
        Matrix saved = store.inTransaction(em -> {
            CampaignEntity campaign = requireCampaign(em, year);
            if (campaign.currentState() == org.liasse.api.dossier.CampaignState.ARCHIVED) {
                throw LiasseException.conflict("campagne-archivee", "Une campagne archivée ne se modifie plus.");
            }
            Matrix current = current(em, year);
            if (current.version() != expectedVersion) {
                throw LiasseException.conflict("matrice-modifiee", "La matrice a été modifiée entre-temps (version "
                    + "attendue " + expectedVersion + ", actuelle " + current.version() + ") : rechargez-la.");
            }
            checkRules(em, year, rules);
            long version = expectedVersion + 1;
            Timestamp now = Timestamp.from(Instant.now());
            em.createNativeQuery("INSERT INTO transmission_matrix (campaign_year, version, changed_by, changed_at) "
                    + "VALUES (?, ?, ?, ?)")
                .setParameter(1, year).setParameter(2, version).setParameter(3, caller.login()).setParameter(4, now)
                .executeUpdate();
            for (MatrixRule rule : rules) {
                em.createNativeQuery("INSERT INTO transmission_rule (campaign_year, version, questionnaire_code, target, "
                        + "rule_kind, organisation_types) VALUES (?, ?, ?, ?, ?, ?)")
                    .setParameter(1, year).setParameter(2, version).setParameter(3, rule.questionnaire())
                    .setParameter(4, rule.target()).setParameter(5, rule.rule().name())
                    .setParameter(6, String.join(",", new TreeSet<>(rule.organisationTypes()))).executeUpdate();
            }
            JdbcAuditLog.append(em, new AuditEvent("matrice.modifiee", caller.login(), null, null, "campagne " + year,
                "version " + version + ", " + FrenchFormat.count(rules.size(), "règle", "règles")));
            return version(em, year, version);
        });
        return saved;
    }

    private void checkRules(EntityManager em, int year, List<MatrixRule> rules) {
        Set<String> questionnaires = new HashSet<>();
        for (Object code : em.createNativeQuery("SELECT questionnaire_code FROM campaign_questionnaire "
            + "WHERE campaign_year = ?").setParameter(1, year).getResultList()) {
            questionnaires.add((String) code);
        }
        Map<String, Recipient> recipients = byCode(recipients(em));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            MatrixRule rule = rules.get(i);
            String field = "rules[" + i + "]";
            if (rule.rule() == null) {
                errors.add(new FieldError(field, "regle-inconnue", "Règle manquante (obligatoire, autorisé ou interdit)."));
            }
            if (!questionnaires.contains(rule.questionnaire())) {
                errors.add(new FieldError(field, "questionnaire-inconnu", "Le questionnaire « " + rule.questionnaire()
                    + " » n'est pas collecté par la campagne " + year + "."));
            }
            if (!targetKnown(rule.target(), recipients)) {
                errors.add(new FieldError(field, "destinataire-inconnu", "Le destinataire « " + rule.target()
                    + " » n'existe pas : un code de destinataire national ou « autre », ou PREFET_DEPARTEMENT, "
                    + "PREFET_REGION, FEDERATION pour le destinataire du territoire de l'organisation."));
            }
            rule.organisationTypes().stream().filter(t -> !OrganisationTypes.known(t)).forEach(t -> errors.add(
                new FieldError(field, "type-inconnu", "Type d'organisation inconnu : « " + t + " ».")));
            if (!seen.add(rule.questionnaire() + "|" + rule.target())) {
                errors.add(new FieldError(field, "regle-en-double", "Deux règles pour « " + rule.questionnaire()
                    + " » et « " + rule.target() + " »."));
            }
        }
        if (!errors.isEmpty()) {
            throw LiasseException.invalid("matrice-invalide", "La matrice n'est pas enregistrée : "
                + FrenchFormat.count(errors.size(), "règle", "règles") + " à corriger.", errors);
        }
    }

    private static boolean targetKnown(String target, Map<String, Recipient> recipients) {
        if (target == null) {
            return false;
        }
        Recipient recipient = recipients.get(target);
        if (recipient != null) {
            return !recipient.kind().territorial();
        }
        return Arrays.stream(RecipientKind.values()).anyMatch(k -> k.territorial() && k.name().equals(target));
    }

    @Override
    public List<EffectiveRecipient> effective(long dossierId) {
        return store.inTransaction(em -> effective(em, DossierEntity.require(em, dossierId)));
    }

    @Override
    public long choiceRevision(long dossierId) {
        return store.inTransaction(em -> PartRevision.CHOICES.read(em, dossierId));
    }

    /** The effective recipients of a dossier, read in the caller's transaction. */
    List<EffectiveRecipient> effective(EntityManager em, DossierEntity dossier) {
        Organisation organisation = em.find(OrganisationEntity.class, dossier.siren()).toRecord();
        Map<String, Recipient> recipients = byCode(recipients(em));
        Map<String, Boolean> choices = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT target, chosen FROM transmission_choice WHERE dossier_id = ?")
            .setParameter(1, dossier.id()).getResultList()) {
            Object[] choice = (Object[]) row;
            choices.put((String) choice[0], (Boolean) choice[1]);
        }
        List<EffectiveRecipient> effective = new ArrayList<>();
        for (MatrixRule rule : current(em, dossier.year()).rules()) {
            if (!rule.questionnaire().equals(dossier.questionnaireCode()) || rule.rule() == RuleKind.FORBIDDEN
                || !(rule.organisationTypes().isEmpty() || rule.organisationTypes().contains(organisation.type()))) {
                continue;
            }
            boolean chosen = rule.rule() == RuleKind.MANDATORY || choices.getOrDefault(rule.target(), false);
            effective.add(resolve(rule, organisation, recipients, chosen));
        }
        return effective;
    }

    private static EffectiveRecipient resolve(MatrixRule rule, Organisation organisation,
                                              Map<String, Recipient> recipients, boolean chosen) {
        Recipient recipient = recipients.get(rule.target());
        if (recipient == null) {
            RecipientKind kind = RecipientKind.valueOf(rule.target());
            String territory = switch (kind) {
                case PREFET_DEPARTEMENT -> organisation.department();
                case PREFET_REGION -> organisation.region();
                default -> organisation.federation();
            };
            recipient = recipients.values().stream()
                .filter(r -> r.kind() == kind && r.territory().equals(territory)).findFirst().orElse(null);
            if (recipient == null) {
                return new EffectiveRecipient(rule.target(), "", territorialLabel(kind) + " " + (territory == null
                    ? "(territoire de l'organisation inconnu)" : territory), rule.rule(), chosen,
                    "Aucun destinataire n'est enregistré pour ce territoire : l'opérateur doit le déclarer.");
            }
        }
        return new EffectiveRecipient(rule.target(), recipient.code(), recipient.name(), rule.rule(), chosen,
            recipient.active() ? "" : "Ce destinataire est désactivé : l'opérateur doit le réactiver.");
    }

    /** French label of a territorial kind, e.g. « Préfet de département ». */
    static String territorialLabel(RecipientKind kind) {
        return switch (kind) {
            case PREFET_DEPARTEMENT -> "Préfet du département";
            case PREFET_REGION -> "Préfet de la région";
            case FEDERATION -> "Fédération";
            default -> kind.name();
        };
    }

    @Override
    public List<EffectiveRecipient> choose(long dossierId, String target, boolean chosen, long expectedRevision,
                                           Caller caller) {
        List<EffectiveRecipient> result = store.inTransaction(em -> {
            DossierEntity dossier = DossierEntity.require(em, dossierId);
            PartRevision.CHOICES.advance(em, dossierId, expectedRevision);
            EntryGate.requireCampaignOpen(em, dossier);
            if (transmitted(dossier)) {
                throw LiasseException.conflict("dossier-transmis", "Le dossier est transmis : ses destinataires ne "
                    + "changent plus.");
            }
            EffectiveRecipient current = effective(em, dossier).stream().filter(e -> e.target().equals(target))
                .findFirst().orElseThrow(() -> LiasseException.invalid("destinataire-interdit", "La matrice de "
                    + "transmission ne permet pas d'envoyer ce questionnaire à « " + target + " ».", List.of()));
            if (current.rule() == RuleKind.MANDATORY && !chosen) {
                throw LiasseException.invalid("destinataire-obligatoire", "« " + current.recipientName() + " » est un "
                    + "destinataire obligatoire : il ne peut pas être décoché.", List.of());
            }
            Timestamp now = Timestamp.from(Instant.now());
            int updated = em.createNativeQuery("UPDATE transmission_choice SET chosen = ?, chosen_by = ?, chosen_at = ? "
                    + "WHERE dossier_id = ? AND target = ?")
                .setParameter(1, chosen).setParameter(2, caller.login()).setParameter(3, now)
                .setParameter(4, dossierId).setParameter(5, target).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO transmission_choice (dossier_id, target, chosen, chosen_by, chosen_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                    .setParameter(1, dossierId).setParameter(2, target).setParameter(3, chosen)
                    .setParameter(4, caller.login()).setParameter(5, now).executeUpdate();
            }
            JdbcAuditLog.append(em, new AuditEvent(chosen ? "destinataire.coche" : "destinataire.decoche", caller.login(),
                null, caller.siren(), "dossier " + dossierId, target));
            return effective(em, dossier);
        });
        return result;
    }

    /** Whether a dossier reached the step that transmits it. */
    boolean transmitted(DossierEntity dossier) {
        WorkflowDefinition workflow = plugins.workflow(dossier.questionnaireCode());
        int current = workflow.index(dossier.step());
        List<StepDefinition> steps = workflow.steps();
        for (int i = 1; i <= current; i++) {
            if (Rights.TRANSMIT.equals(steps.get(i).right())) {
                return true;
            }
        }
        return false;
    }

    private static CampaignEntity requireCampaign(EntityManager em, int year) {
        CampaignEntity campaign = em.find(CampaignEntity.class, year);
        if (campaign == null) {
            throw LiasseException.notFound("campagne-inconnue", "La campagne " + year + " n'existe pas.");
        }
        return campaign;
    }

    private static Matrix current(EntityManager em, int year) {
        Object latest = em.createNativeQuery("SELECT MAX(version) FROM transmission_matrix WHERE campaign_year = ?")
            .setParameter(1, year).getSingleResult();
        return latest == null ? new Matrix(year, 0, List.of(), "", null) : version(em, year, ((Number) latest).longValue());
    }

    private static Matrix version(EntityManager em, int year, long version) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT changed_by, changed_at FROM transmission_matrix "
            + "WHERE campaign_year = ? AND version = ?").setParameter(1, year).setParameter(2, version).getSingleResult();
        List<MatrixRule> rules = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT questionnaire_code, target, rule_kind, organisation_types "
                + "FROM transmission_rule WHERE campaign_year = ? AND version = ? ORDER BY questionnaire_code, target")
            .setParameter(1, year).setParameter(2, version).getResultList()) {
            Object[] rule = (Object[]) row;
            String types = (String) rule[3];
            rules.add(new MatrixRule((String) rule[0], (String) rule[1], RuleKind.valueOf((String) rule[2]),
                types.isEmpty() ? Set.of() : Set.of(types.split(","))));
        }
        return new Matrix(year, version, rules, (String) head[0], ((Timestamp) head[1]).toInstant());
    }

    /** Every recipient, read in the caller's transaction. */
    static List<Recipient> recipients(EntityManager em) {
        List<Recipient> recipients = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT code, name, kind, territory, channel, settings, active, revision "
            + "FROM recipient ORDER BY code").getResultList()) {
            Object[] r = (Object[]) row;
            recipients.add(new Recipient((String) r[0], (String) r[1], RecipientKind.valueOf((String) r[2]),
                (String) r[3], (String) r[4], Settings.read((String) r[5]), (Boolean) r[6], ((Number) r[7]).longValue()));
        }
        return recipients;
    }

    private static Map<String, Recipient> byCode(List<Recipient> recipients) {
        Map<String, Recipient> byCode = new LinkedHashMap<>();
        recipients.forEach(r -> byCode.put(r.code(), r));
        return byCode;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
