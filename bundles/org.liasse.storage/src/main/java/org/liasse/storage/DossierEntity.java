package org.liasse.storage;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

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

    protected DossierEntity() {
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
}
