package org.liasse.storage;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.error.LiasseException;

/** Row of {@code dossier}; its values live in {@link CellValueEntity}. */
@Entity
@Table(name = "dossier")
public class DossierEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "siren")
    private String siren;

    @Column(name = "campaign_year")
    private int year;

    @Column(name = "questionnaire_code")
    private String questionnaireCode;

    @Column(name = "questionnaire_version")
    private String questionnaireVersion;

    @Column(name = "revision")
    private long revision;

    @Column(name = "step")
    private String step;

    protected DossierEntity() {
    }

    /** The dossier of an identifier, or 404 {@code dossier-inconnu}. */
    static DossierEntity require(EntityManager em, long id) {
        DossierEntity dossier = em.find(DossierEntity.class, id);
        if (dossier == null) {
            throw LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + ".");
        }
        return dossier;
    }

    DossierEntity(String siren, int year, String questionnaireCode, String questionnaireVersion) {
        this.siren = siren;
        this.year = year;
        this.questionnaireCode = questionnaireCode;
        this.questionnaireVersion = questionnaireVersion;
        this.revision = 1;
    }

    long id() {
        return id;
    }

    String siren() {
        return siren;
    }

    int year() {
        return year;
    }

    String questionnaireCode() {
        return questionnaireCode;
    }

    String questionnaireVersion() {
        return questionnaireVersion;
    }

    long revision() {
        return revision;
    }

    /** Current workflow step code; {@code null} or unknown means the first step. */
    String step() {
        return step;
    }
}
