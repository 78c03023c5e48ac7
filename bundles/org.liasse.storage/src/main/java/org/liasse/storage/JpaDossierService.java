package org.liasse.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.liasse.api.control.ControlEngine;
import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.Formula;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.CellChange;
import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Dossiers stored with JPA: the values of a dossier are read in one query, a save is one transaction that checks
 * the revision, writes the changed cells with their history and recomputes the computed cells.
 */
@Component(service = {DossierService.class, JpaDossierService.class})
public class JpaDossierService implements DossierService {

    /** Cell codes per {@code IN} list when loading the rows a save updates. */
    private static final int IN_LIST = 200;
    /** Rows a driver that reads ahead (PostgreSQL) holds at a time during a campaign scan. */
    private static final int FETCH_SIZE = 2_000;
    /** A campaign's dossiers of a questionnaire, in order of id. */
    static final String CAMPAIGN_DOSSIERS = "SELECT id, siren, questionnaire_version, revision, step FROM dossier "
        + "WHERE campaign_year = ? AND questionnaire_code = ? ORDER BY id";
    /** The values of a campaign's dossiers of a questionnaire, dossier after dossier in order of id. */
    static final String CAMPAIGN_VALUES = "SELECT d.id, v.cell_code, v.num_value, v.text_value FROM dossier d "
        + "JOIN cell_value v ON v.dossier_id = d.id WHERE d.campaign_year = ? AND d.questionnaire_code = ? "
        + "ORDER BY d.id";

    /** Who the history names for values carried over from the previous campaign at initialisation. */
    static final String CARRY_OVER_ACTOR = "reprise N-1";

    private final JpaStore store;
    private final PluginRegistry plugins;
    /** Runs the format controls at each save. */
    @Reference
    private ControlEngine engine;

    /** Uses the shared persistence unit and the active plugin definitions. */
    @Activate
    public JpaDossierService(@Reference JpaStore store, @Reference PluginRegistry plugins) {
        this.store = store;
        this.plugins = plugins;
    }

    @Override
    public Dossier create(String siren, int year, String questionnaireCode) {
        return store.inTransaction(em -> {
            OrganisationEntity organisation = em.find(OrganisationEntity.class, siren);
            if (organisation == null) {
                throw LiasseException.notFound("organisation-inconnue", "Aucune organisation de SIREN " + siren + ".");
            }
            CampaignEntity campaign = em.find(CampaignEntity.class, year);
            if (campaign == null) {
                throw LiasseException.notFound("campagne-inconnue", "Aucune campagne pour l'exercice " + year + ".");
            }
            if (campaign.currentState() != CampaignState.OPEN) {
                throw LiasseException.conflict("campagne-fermee", "La campagne " + year + " n'est pas ouverte.");
            }
            QuestionnaireDefinition questionnaire = collected(em, campaign, questionnaireCode);
            String type = organisation.toRecord().type();
            if (!questionnaire.appliesTo(type)) {
                throw LiasseException.invalid("questionnaire-non-concerne", "Le questionnaire « "
                    + questionnaire.title() + " » concerne les organismes de type "
                    + String.join(", ", questionnaire.organisationTypes()) + " ; l'organisme " + siren
                    + " est de type " + type + ".", List.of());
            }
            boolean exists = !em.createQuery("SELECT d.id FROM DossierEntity d WHERE d.siren = :siren "
                    + "AND d.year = :year AND d.questionnaireCode = :code", Long.class)
                .setParameter("siren", siren).setParameter("year", year).setParameter("code", questionnaireCode)
                .getResultList().isEmpty();
            if (exists) {
                throw LiasseException.conflict("dossier-existant", "Le dossier " + questionnaireCode + " " + year
                    + " de cette organisation existe déjà.");
            }
            DossierEntity dossier = new DossierEntity(siren, year, questionnaireCode, questionnaire.version());
            em.persist(dossier);
            em.flush();
            Map<String, CellDefinition> cells = questionnaire.cells();
            Map<String, CellValue> carried = carriedOver(em, dossier, cells);
            if (carried.isEmpty()) {
                return toRecord(dossier, Map.of());
            }
            Map<String, String> values = new LinkedHashMap<>();
            apply(em, dossier.id(), dossier.revision(), questionnaire, cells, carried, CARRY_OVER_ACTOR)
                .forEach((cell, value) -> values.put(cell, value.canonical()));
            return toRecord(dossier, values);
        });
    }

    /**
     * The questionnaire version a campaign collects: the version it names, else the highest active version for its
     * year; refused when the campaign lists its questionnaires and this one is not among them.
     */
    private QuestionnaireDefinition collected(EntityManager em, CampaignEntity campaign, String code) {
        List<CampaignQuestionnaire> listed = em.createQuery("SELECT q FROM CampaignQuestionnaireEntity q "
                + "WHERE q.year = :year", CampaignQuestionnaireEntity.class)
            .setParameter("year", campaign.year()).getResultList().stream()
            .map(CampaignQuestionnaireEntity::toRecord).toList();
        Campaign record = campaign.toRecord(listed);
        CampaignQuestionnaire wanted = record.questionnaire(code).orElseThrow(() -> LiasseException.conflict(
            "questionnaire-hors-campagne", "La campagne " + campaign.year() + " ne collecte pas le questionnaire « "
                + code + " »."));
        return plugins.collected(campaign.year(), wanted).orElseThrow(() -> LiasseException.conflict("questionnaire-indisponible",
            "Aucun questionnaire « " + code + " »" + (wanted.version() == null ? "" : " en version " + wanted.version())
                + " actif ne s'applique à l'exercice " + campaign.year() + "."));
    }

    @Override
    public Optional<String> owner(long id) {
        return store.inTransaction(em -> Optional.ofNullable(em.find(DossierEntity.class, id)).map(DossierEntity::siren));
    }

    @Override
    public Optional<Dossier> find(long id) {
        return store.inTransaction(em -> Optional.ofNullable(em.find(DossierEntity.class, id))
            .map(dossier -> toRecord(dossier, values(em, id))));
    }

    @Override
    public Optional<Dossier> find(String siren, int year, String questionnaireCode) {
        return store.inTransaction(em -> em.createQuery("SELECT d FROM DossierEntity d WHERE d.siren = :siren "
                + "AND d.year = :year AND d.questionnaireCode = :code", DossierEntity.class)
            .setParameter("siren", siren).setParameter("year", year).setParameter("code", questionnaireCode)
            .getResultList().stream().findFirst().map(dossier -> toRecord(dossier, values(em, dossier.id()))));
    }

    @Override
    public List<Dossier> listForOrganisation(String siren) {
        return store.inTransaction(em -> em.createQuery(
                "SELECT d FROM DossierEntity d WHERE d.siren = :siren ORDER BY d.year DESC, d.questionnaireCode",
                DossierEntity.class)
            .setParameter("siren", siren).getResultList().stream()
            .map(dossier -> toRecord(dossier, Map.of())).toList());
    }

    @Override
    public void scan(int year, String questionnaireCode, Consumer<Dossier> sink) {
        store.inJdbcTransaction(connection -> {
            scan(connection, year, questionnaireCode, sink);
            return null;
        });
    }

    /**
     * Hands over the dossiers in order of id, each with its values. One query reads the campaign's values in that
     * order (by the dossier_campaign index, then the cell_value primary key: no sort) and only the dossier at hand is
     * held in memory; a second one reads the dossiers, so that those without values are handed over too. Plain JDBC:
     * OpenJPA would build an object per value.
     */
    @SuppressWarnings("unchecked")
    static void scan(Connection connection, int year, String questionnaireCode, Consumer<Dossier> sink)
        throws SQLException {
        try (PreparedStatement dossiers = campaign(connection, CAMPAIGN_DOSSIERS, year, questionnaireCode);
             PreparedStatement values = campaign(connection, CAMPAIGN_VALUES, year, questionnaireCode);
             ResultSet rows = dossiers.executeQuery();
             ResultSet cells = values.executeQuery()) {
            boolean more = cells.next();
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            while (rows.next()) {
                long id = rows.getLong(1);
                // Values of a dossier created between the two queries are skipped.
                while (more && cells.getLong(1) < id) {
                    more = cells.next();
                }
                entries.clear();
                while (more && cells.getLong(1) == id) {
                    entries.add(Map.entry(cells.getString(2),
                        new CellValue(cells.getBigDecimal(3), cells.getString(4)).canonical()));
                    more = cells.next();
                }
                sink.accept(new Dossier(id, rows.getString(2), year, questionnaireCode, rows.getString(3),
                    rows.getLong(4), rows.getString(5), Map.ofEntries(entries.toArray(Map.Entry[]::new))));
            }
        }
    }

    /** A query over a campaign's dossiers of a questionnaire, streamed rather than read whole by the driver. */
    private static PreparedStatement campaign(Connection connection, String sql, int year, String questionnaireCode)
        throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        try {
            query.setFetchSize(FETCH_SIZE);
            query.setInt(1, year);
            query.setString(2, questionnaireCode);
            return query;
        } catch (SQLException e) {
            query.close();
            throw e;
        }
    }

    @Override
    public List<FieldError> check(long id, Map<String, String> changes) {
        return store.inTransaction(em -> {
            DossierEntity dossier = DossierEntity.require(em, id);
            QuestionnaireDefinition questionnaire = definition(dossier);
            Map<String, CellDefinition> cells = questionnaire.cells();
            Entry entry = Entry.parse(cells, changes);
            if (!entry.errors().isEmpty()) {
                return entry.errors();
            }
            Map<String, String> values = canonical(merged(storedValues(em, id), questionnaire, cells, entry.values()));
            return FormatControls.errors(engine, dossier.questionnaireCode(), dossier.questionnaireVersion(), values);
        });
    }

    @Override
    public Dossier save(long id, long expectedRevision, Map<String, String> changes, String actor) {
        return store.inRetriedTransaction(em -> save(em, id, expectedRevision, changes, actor));
    }

    /** {@link #save(long, long, Map, String)} within a transaction that the caller runs and may extend. */
    Dossier save(EntityManager em, long id, long expectedRevision, Map<String, String> changes, String actor) {
        DossierEntity dossier = DossierEntity.require(em, id);
        EntryGate.requireOpen(em, dossier, plugins);
        QuestionnaireDefinition questionnaire = definition(dossier);
        Map<String, CellDefinition> cells = questionnaire.cells();
        Entry entry = Entry.parse(cells, changes);
        if (!entry.errors().isEmpty()) {
            throw LiasseException.invalid("saisie-invalide", entry.errors().size() == 1
                ? "Une cellule est invalide : rien n'a été enregistré."
                : entry.errors().size() + " cellules sont invalides : rien n'a été enregistré.", entry.errors());
        }
        // By primary key, so that only this dossier's row is locked (a JPQL bulk update scans the table).
        int updated = em.createNativeQuery("UPDATE dossier SET revision = revision + 1, last_activity = ? "
                + "WHERE id = ? AND revision = ?")
            .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, id).setParameter(3, expectedRevision)
            .executeUpdate();
        if (updated == 0) {
            em.refresh(dossier);
            throw new LiasseException(412, "revision-perimee", "Le dossier a été modifié entre-temps "
                + "(révision attendue " + expectedRevision + ", actuelle " + dossier.revision()
                + ") : rien n'a été enregistré. Rechargez-le ou fusionnez vos saisies avec les cellules modifiées.")
                .with("changes", since(em, id, expectedRevision));
        }
        long revision = expectedRevision + 1;
        Map<String, String> values = canonical(apply(em, id, revision, questionnaire, cells, entry.values(), actor));
        FormatControls.require(engine, dossier.questionnaireCode(), dossier.questionnaireVersion(), values);
        return new Dossier(dossier.id(), dossier.siren(), dossier.year(), dossier.questionnaireCode(),
            dossier.questionnaireVersion(), revision, dossier.step(), values);
    }

    /** A dossier with its values, refused as a save would be when its campaign is closed or it is protected. */
    Dossier requireOpen(EntityManager em, long id) {
        DossierEntity dossier = DossierEntity.require(em, id);
        EntryGate.requireOpen(em, dossier, plugins);
        return toRecord(dossier, values(em, id));
    }

    @Override
    public List<CellChange> history(long id, String cell) {
        return store.inTransaction(em -> em.createQuery("SELECT h FROM CellHistoryEntity h WHERE h.dossierId = :id "
                + "AND h.cellCode = :cell ORDER BY h.id DESC", CellHistoryEntity.class)
            .setParameter("id", id).setParameter("cell", cell).getResultList().stream()
            .map(CellHistoryEntity::toRecord).toList());
    }

    @Override
    public List<CellChange> changesSince(long id, long revision) {
        return store.inTransaction(em -> since(em, id, revision));
    }

    /**
     * Writes parsed changes of a dossier with their history at a revision, and recomputes the computed cells.
     *
     * @return every value of the dossier afterwards
     */
    private static Map<String, CellValue> apply(EntityManager em, long id, long revision,
                                                QuestionnaireDefinition questionnaire, Map<String, CellDefinition> cells,
                                                Map<String, CellValue> changes, String actor) {
        Instant now = Instant.now();
        Map<String, CellValue> before = storedValues(em, id);
        Map<String, CellValue> after = merged(before, questionnaire, cells, changes);
        write(em, id, before, after, changes.keySet(), questionnaire.computed().keySet());
        for (String cell : changes.keySet()) {
            String was = canonical(before.get(cell));
            String is = canonical(after.get(cell));
            if (!Objects.equals(was, is)) {
                em.persist(new CellHistoryEntity(id, new CellChange(cell, revision, now, actor, was, is)));
            }
        }
        em.flush();
        return after;
    }

    /**
     * The values of the carried-over columns in the organisation's dossier of the previous campaign, checked against
     * the new version's format (a value the new version refuses is left out).
     */
    private static Map<String, CellValue> carriedOver(EntityManager em, DossierEntity dossier,
                                                      Map<String, CellDefinition> cells) {
        List<Long> previous = em.createQuery("SELECT d.id FROM DossierEntity d WHERE d.siren = :siren "
                + "AND d.year = :year AND d.questionnaireCode = :code", Long.class)
            .setParameter("siren", dossier.siren()).setParameter("year", dossier.year() - 1)
            .setParameter("code", dossier.questionnaireCode()).getResultList();
        Map<String, CellValue> carried = new LinkedHashMap<>();
        if (previous.isEmpty()) {
            return carried;
        }
        storedValues(em, previous.get(0)).forEach((code, value) -> {
            CellDefinition cell = cells.get(code);
            if (cell != null && cell.column().carryOver() && !cell.computed()) {
                CellFormat.Parsed parsed = CellFormat.parse(code, cell.column(), value.canonical());
                if (parsed.error() == null) {
                    carried.put(code, parsed.value());
                }
            }
        });
        return carried;
    }

    private static List<CellChange> since(EntityManager em, long id, long revision) {
        return em.createQuery("SELECT h FROM CellHistoryEntity h WHERE h.dossierId = :id AND h.revision > :revision "
                + "ORDER BY h.id", CellHistoryEntity.class)
            .setParameter("id", id).setParameter("revision", revision).getResultList().stream()
            .map(CellHistoryEntity::toRecord).toList();
    }

    /** The values once the changes are made, computed cells recomputed. */
    private static Map<String, CellValue> merged(Map<String, CellValue> before, QuestionnaireDefinition questionnaire,
                                                 Map<String, CellDefinition> cells, Map<String, CellValue> changes) {
        Map<String, CellValue> after = new HashMap<>(before);
        changes.forEach((cell, value) -> put(after, cell, value));
        recompute(questionnaire, cells, after);
        return after;
    }

    private static Map<String, String> canonical(Map<String, CellValue> values) {
        Map<String, String> canonical = new HashMap<>();
        values.forEach((cell, value) -> canonical.put(cell, value.canonical()));
        return canonical;
    }

    private static void put(Map<String, CellValue> values, String cell, CellValue value) {
        if (value == null) {
            values.remove(cell);
        } else {
            values.put(cell, value);
        }
    }

    private static String canonical(CellValue value) {
        return value == null ? null : value.canonical();
    }

    /**
     * Writes the cells among the candidates whose canonical value changed: inserts new ones, deletes cleared ones,
     * and updates the others, loading as managed entities only the rows that are updated or deleted.
     */
    private static void write(EntityManager em, long id, Map<String, CellValue> before, Map<String, CellValue> after,
                              Collection<String> entered, Collection<String> computed) {
        Set<String> candidates = new LinkedHashSet<>(entered);
        candidates.addAll(computed);
        Map<String, CellValue> updates = new HashMap<>();
        for (String cell : candidates) {
            CellValue was = before.get(cell);
            CellValue is = after.get(cell);
            if (Objects.equals(canonical(was), canonical(is))) {
                continue;
            }
            if (was == null) {
                CellValueEntity created = new CellValueEntity(id, cell);
                created.set(is);
                em.persist(created);
            } else {
                updates.put(cell, is);
            }
        }
        List<String> codes = new ArrayList<>(updates.keySet());
        for (int from = 0; from < codes.size(); from += IN_LIST) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + IN_LIST));
            for (CellValueEntity cell : em.createQuery("SELECT v FROM CellValueEntity v WHERE v.dossierId = :id "
                    + "AND v.cellCode IN :codes", CellValueEntity.class)
                .setParameter("id", id).setParameter("codes", chunk).getResultList()) {
                CellValue value = updates.get(cell.cellCode());
                if (value == null) {
                    em.remove(cell);
                } else {
                    cell.set(value);
                }
            }
        }
    }

    /** Computes every computed cell from the values, in dependency order, rounded to its column scale. */
    private static void recompute(QuestionnaireDefinition questionnaire, Map<String, CellDefinition> cells,
                                  Map<String, CellValue> values) {
        for (Map.Entry<String, Formula> computed : questionnaire.computed().entrySet()) {
            BigDecimal result = computed.getValue().evaluate(cell -> {
                CellValue value = values.get(cell);
                return value == null ? null : value.number();
            });
            put(values, computed.getKey(), result == null ? null
                : new CellValue(result.setScale(cells.get(computed.getKey()).column().scale(), RoundingMode.HALF_UP), null));
        }
    }

    private QuestionnaireDefinition definition(DossierEntity dossier) {
        return plugins.questionnaire(dossier.questionnaireCode(), dossier.questionnaireVersion())
            .orElseThrow(() -> LiasseException.conflict("questionnaire-inactif", "Le questionnaire "
                + dossier.questionnaireCode() + " " + dossier.questionnaireVersion()
                + " n'est plus actif : le dossier reste consultable mais ne peut plus être modifié."));
    }

    /** Every value of a dossier, read as plain columns (no managed entities to track and detach). */
    private static Map<String, CellValue> storedValues(EntityManager em, long id) {
        Map<String, CellValue> values = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT v.cellCode, v.number, v.text FROM CellValueEntity v "
                + "WHERE v.dossierId = :id", Object[].class).setParameter("id", id).getResultList()) {
            values.put((String) row[0], new CellValue((BigDecimal) row[1], (String) row[2]));
        }
        return values;
    }

    private static Map<String, String> values(EntityManager em, long id) {
        Map<String, String> values = new HashMap<>();
        storedValues(em, id).forEach((cell, value) -> values.put(cell, value.canonical()));
        return values;
    }

    private static Dossier toRecord(DossierEntity dossier, Map<String, String> values) {
        return new Dossier(dossier.id(), dossier.siren(), dossier.year(), dossier.questionnaireCode(),
            dossier.questionnaireVersion(), dossier.revision(), dossier.step(), values);
    }
}
