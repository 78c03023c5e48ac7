package org.liasse.storage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.Formula;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.CellChange;
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
@Component(service = DossierService.class)
public class JpaDossierService implements DossierService {

    private final JpaStore store;
    private final PluginRegistry plugins;

    /** Uses the shared persistence unit and the active plugin definitions. */
    @Activate
    public JpaDossierService(@Reference JpaStore store, @Reference PluginRegistry plugins) {
        this.store = store;
        this.plugins = plugins;
    }

    @Override
    public Dossier create(String siren, int year, String questionnaireCode) {
        QuestionnaireDefinition questionnaire = plugins.questionnaireForYear(questionnaireCode, year)
            .orElseThrow(() -> LiasseException.conflict("questionnaire-indisponible",
                "Aucun questionnaire « " + questionnaireCode + " » actif ne s'applique à l'exercice " + year + "."));
        return store.inTransaction(em -> {
            OrganisationEntity organisation = em.find(OrganisationEntity.class, siren);
            if (organisation == null) {
                throw LiasseException.notFound("organisation-inconnue", "Aucune organisation de SIREN " + siren + ".");
            }
            CampaignEntity campaign = em.find(CampaignEntity.class, year);
            if (campaign == null) {
                throw LiasseException.notFound("campagne-inconnue", "Aucune campagne pour l'exercice " + year + ".");
            }
            if (campaign.toRecord().state() != CampaignState.OPEN) {
                throw LiasseException.conflict("campagne-fermee", "La campagne " + year + " n'est pas ouverte.");
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
            return toRecord(dossier, Map.of());
        });
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
        store.inTransaction(em -> {
            List<DossierEntity> dossiers = em.createQuery("SELECT d FROM DossierEntity d WHERE d.year = :year "
                    + "AND d.questionnaireCode = :code ORDER BY d.id", DossierEntity.class)
                .setParameter("year", year).setParameter("code", questionnaireCode).getResultList();
            List<CellValueEntity> values = em.createQuery("SELECT v FROM CellValueEntity v, DossierEntity d "
                    + "WHERE v.dossierId = d.id AND d.year = :year AND d.questionnaireCode = :code "
                    + "ORDER BY v.dossierId, v.cellCode", CellValueEntity.class)
                .setParameter("year", year).setParameter("code", questionnaireCode).getResultList();
            int next = 0;
            for (DossierEntity dossier : dossiers) {
                Map<String, String> cells = new LinkedHashMap<>();
                while (next < values.size() && values.get(next).dossierId() == dossier.id()) {
                    CellValueEntity value = values.get(next++);
                    cells.put(value.cellCode(), value.value().canonical());
                }
                sink.accept(toRecord(dossier, cells));
            }
            return null;
        });
    }

    @Override
    public List<FieldError> check(long id, Map<String, String> changes) {
        return store.inTransaction(em -> {
            DossierEntity dossier = dossier(em, id);
            return Entry.parse(definition(dossier).cells(), changes).errors();
        });
    }

    @Override
    public Dossier save(long id, long expectedRevision, Map<String, String> changes, String actor) {
        return store.inTransaction(em -> {
            DossierEntity dossier = dossier(em, id);
            CampaignEntity campaign = em.find(CampaignEntity.class, dossier.year());
            if (campaign.toRecord().state() != CampaignState.OPEN) {
                throw LiasseException.conflict("campagne-fermee", "La campagne " + dossier.year()
                    + " n'est pas ouverte : ce dossier se consulte mais ne se modifie plus.");
            }
            QuestionnaireDefinition questionnaire = definition(dossier);
            Entry entry = Entry.parse(questionnaire.cells(), changes);
            if (!entry.errors().isEmpty()) {
                throw LiasseException.invalid("saisie-invalide", entry.errors().size() == 1
                    ? "Une cellule est invalide : rien n'a été enregistré."
                    : entry.errors().size() + " cellules sont invalides : rien n'a été enregistré.", entry.errors());
            }
            int updated = em.createQuery("UPDATE DossierEntity d SET d.revision = d.revision + 1 "
                    + "WHERE d.id = :id AND d.revision = :revision")
                .setParameter("id", id).setParameter("revision", expectedRevision).executeUpdate();
            if (updated == 0) {
                em.refresh(dossier);
                throw new LiasseException(412, "revision-perimee", "Le dossier a été modifié entre-temps "
                    + "(révision attendue " + expectedRevision + ", actuelle " + dossier.revision()
                    + ") : rien n'a été enregistré. Rechargez-le ou fusionnez vos saisies avec les cellules modifiées.")
                    .with("changes", since(em, id, expectedRevision));
            }
            long revision = expectedRevision + 1;
            Instant now = Instant.now();
            Map<String, CellValueEntity> stored = new HashMap<>();
            for (CellValueEntity cell : cellsOf(em, id)) {
                stored.put(cell.cellCode(), cell);
            }
            for (Map.Entry<String, CellValue> change : entry.values().entrySet()) {
                String before = write(em, id, stored, change.getKey(), change.getValue());
                String after = change.getValue() == null ? null : change.getValue().canonical();
                if (!Objects.equals(before, after)) {
                    em.persist(new CellHistoryEntity(id, new CellChange(change.getKey(), revision, now, actor,
                        before, after)));
                }
            }
            recompute(em, id, questionnaire, stored);
            em.flush();
            em.refresh(dossier);
            Map<String, String> values = new TreeMap<>();
            stored.forEach((cell, value) -> values.put(cell, value.value().canonical()));
            return toRecord(dossier, values);
        });
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

    private static List<CellChange> since(EntityManager em, long id, long revision) {
        return em.createQuery("SELECT h FROM CellHistoryEntity h WHERE h.dossierId = :id AND h.revision > :revision "
                + "ORDER BY h.id", CellHistoryEntity.class)
            .setParameter("id", id).setParameter("revision", revision).getResultList().stream()
            .map(CellHistoryEntity::toRecord).toList();
    }

    /** Writes one cell (null clears it) and returns its canonical value before, null when it was empty. */
    private static String write(EntityManager em, long id, Map<String, CellValueEntity> stored, String code,
                                CellValue value) {
        CellValueEntity cell = stored.get(code);
        String before = cell == null ? null : cell.value().canonical();
        if (value == null) {
            if (cell != null) {
                em.remove(cell);
                stored.remove(code);
            }
        } else if (cell == null) {
            cell = new CellValueEntity(id, code);
            cell.set(value);
            em.persist(cell);
            stored.put(code, cell);
        } else if (!value.canonical().equals(before)) {
            cell.set(value);
        }
        return before;
    }

    /** Computes every computed cell from the stored values, in dependency order, rounded to its column scale. */
    private static void recompute(EntityManager em, long id, QuestionnaireDefinition questionnaire,
                                  Map<String, CellValueEntity> stored) {
        Map<String, CellDefinition> cells = questionnaire.cells();
        for (Map.Entry<String, Formula> computed : questionnaire.computed().entrySet()) {
            BigDecimal result = computed.getValue().evaluate(cell -> {
                CellValueEntity value = stored.get(cell);
                return value == null ? null : value.value().number();
            });
            CellValue value = result == null ? null
                : new CellValue(result.setScale(cells.get(computed.getKey()).column().scale(), RoundingMode.HALF_UP), null);
            write(em, id, stored, computed.getKey(), value);
        }
    }

    private DossierEntity dossier(EntityManager em, long id) {
        DossierEntity dossier = em.find(DossierEntity.class, id);
        if (dossier == null) {
            throw LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + ".");
        }
        return dossier;
    }

    private QuestionnaireDefinition definition(DossierEntity dossier) {
        return plugins.questionnaire(dossier.questionnaireCode(), dossier.questionnaireVersion())
            .orElseThrow(() -> LiasseException.conflict("questionnaire-inactif", "Le questionnaire "
                + dossier.questionnaireCode() + " " + dossier.questionnaireVersion()
                + " n'est plus actif : le dossier reste consultable mais ne peut plus être modifié."));
    }

    private static List<CellValueEntity> cellsOf(EntityManager em, long id) {
        return em.createQuery("SELECT v FROM CellValueEntity v WHERE v.dossierId = :id ORDER BY v.cellCode",
                CellValueEntity.class)
            .setParameter("id", id).getResultList();
    }

    private static Map<String, String> values(EntityManager em, long id) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CellValueEntity cell : cellsOf(em, id)) {
            values.put(cell.cellCode(), cell.value().canonical());
        }
        return values;
    }

    private static Dossier toRecord(DossierEntity dossier, Map<String, String> values) {
        return new Dossier(dossier.id(), dossier.siren(), dossier.year(), dossier.questionnaireCode(),
            dossier.questionnaireVersion(), dossier.revision(), values);
    }
}
