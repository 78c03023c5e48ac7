package org.liasse.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.CampaignState;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Dossiers stored with JPA; values of a dossier are read in one query and saved in one transaction. */
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
    public List<Dossier> listForOrganisation(String siren) {
        return store.inTransaction(em -> em.createQuery(
                "SELECT d FROM DossierEntity d WHERE d.siren = :siren ORDER BY d.year DESC, d.questionnaireCode",
                DossierEntity.class)
            .setParameter("siren", siren).getResultList().stream()
            .map(dossier -> toRecord(dossier, Map.of())).toList());
    }

    @Override
    public Dossier save(long id, long expectedRevision, Map<String, String> changes) {
        return store.inTransaction(em -> {
            DossierEntity dossier = em.find(DossierEntity.class, id);
            if (dossier == null) {
                throw LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + ".");
            }
            QuestionnaireDefinition questionnaire = plugins
                .questionnaire(dossier.questionnaireCode(), dossier.questionnaireVersion())
                .orElseThrow(() -> LiasseException.conflict("questionnaire-inactif", "Le questionnaire "
                    + dossier.questionnaireCode() + " " + dossier.questionnaireVersion()
                    + " n'est plus actif : le dossier reste consultable mais ne peut plus être modifié."));
            Map<String, CellValue> parsed = parse(questionnaire, changes);
            int updated = em.createQuery("UPDATE DossierEntity d SET d.revision = d.revision + 1 "
                    + "WHERE d.id = :id AND d.revision = :revision")
                .setParameter("id", id).setParameter("revision", expectedRevision).executeUpdate();
            if (updated == 0) {
                throw LiasseException.conflict("revision-perimee", "Le dossier a été modifié entre-temps "
                    + "(révision attendue " + expectedRevision + ", actuelle " + dossier.revision()
                    + ") : rechargez-le avant d'enregistrer.");
            }
            for (Map.Entry<String, CellValue> change : parsed.entrySet()) {
                CellValueEntity cell = em.find(CellValueEntity.class, new CellValueKey(id, change.getKey()));
                if (change.getValue() == null) {
                    if (cell != null) {
                        em.remove(cell);
                    }
                } else if (cell == null) {
                    cell = new CellValueEntity(id, change.getKey());
                    cell.set(change.getValue());
                    em.persist(cell);
                } else {
                    cell.set(change.getValue());
                }
            }
            em.flush();
            em.refresh(dossier);
            return toRecord(dossier, values(em, id));
        });
    }

    private static Map<String, CellValue> parse(QuestionnaireDefinition questionnaire, Map<String, String> changes) {
        Map<String, ColumnDefinition> cells = questionnaire.cells();
        Map<String, CellValue> parsed = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            ColumnDefinition column = cells.get(change.getKey());
            if (column == null) {
                errors.add(new FieldError(change.getKey(), "cellule-inconnue", "La cellule « " + change.getKey()
                    + " » n'existe pas dans le questionnaire " + questionnaire.code() + " " + questionnaire.version() + "."));
            } else if (change.getValue() == null || change.getValue().isBlank()) {
                parsed.put(change.getKey(), null);
            } else {
                CellFormat.Parsed result = CellFormat.parse(change.getKey(), column, change.getValue());
                if (result.error() != null) {
                    errors.add(result.error());
                } else {
                    parsed.put(change.getKey(), result.value());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw LiasseException.invalid("saisie-invalide", errors.size() == 1
                ? "Une cellule est invalide : rien n'a été enregistré."
                : errors.size() + " cellules sont invalides : rien n'a été enregistré.", errors);
        }
        return parsed;
    }

    private static Map<String, String> values(EntityManager em, long id) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CellValueEntity cell : em.createQuery(
                "SELECT v FROM CellValueEntity v WHERE v.dossierId = :id ORDER BY v.cellCode", CellValueEntity.class)
            .setParameter("id", id).getResultList()) {
            values.put(cell.cellCode(), cell.value().canonical());
        }
        return values;
    }

    private static Dossier toRecord(DossierEntity dossier, Map<String, String> values) {
        return new Dossier(dossier.id(), dossier.siren(), dossier.year(), dossier.questionnaireCode(),
            dossier.questionnaireVersion(), dossier.revision(), values);
    }
}
