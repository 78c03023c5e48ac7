package org.liasse.storage;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.liasse.api.dossier.CampaignQuestionnaire;

/** Row of {@code campaign_questionnaire}: one questionnaire a campaign collects, with its deadline. */
@Entity
@Table(name = "campaign_questionnaire")
@IdClass(CampaignQuestionnaireKey.class)
public class CampaignQuestionnaireEntity {

    @Id
    @Column(name = "campaign_year")
    private int year;

    @Id
    @Column(name = "questionnaire_code")
    private String code;

    @Column(name = "questionnaire_version")
    private String version;

    @Column(name = "deadline")
    private java.sql.Date deadline;

    protected CampaignQuestionnaireEntity() {
    }

    CampaignQuestionnaireEntity(int year, CampaignQuestionnaire questionnaire) {
        this.year = year;
        this.code = questionnaire.code();
        this.version = questionnaire.version();
        this.deadline = java.sql.Date.valueOf(questionnaire.deadline());
    }

    int year() {
        return year;
    }

    String code() {
        return code;
    }

    CampaignQuestionnaire toRecord() {
        return new CampaignQuestionnaire(code, version, deadline.toLocalDate());
    }
}
