package org.liasse.storage;

import java.time.LocalDate;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.dossier.Campaign;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.liasse.api.dossier.CampaignState;

/** Row of {@code campaign}. */
@Entity
@Table(name = "campaign")
public class CampaignEntity {

    @Id
    @Column(name = "campaign_year")
    private int year;

    @Column(name = "label")
    private String label;

    @Column(name = "opening_date")
    private java.sql.Date opening;

    @Column(name = "deadline")
    private java.sql.Date deadline;

    @Column(name = "state")
    private String state;

    @Column(name = "revision")
    private long revision;

    protected CampaignEntity() {
    }

    CampaignEntity(Campaign campaign) {
        this.year = campaign.year();
        this.label = campaign.label();
        this.opening = java.sql.Date.valueOf(campaign.opening());
        this.deadline = java.sql.Date.valueOf(campaign.deadline());
        this.state = campaign.state().name();
        this.revision = 1;
    }

    /** Label and dates of the campaign; a new revision. */
    void update(Campaign campaign) {
        this.label = campaign.label();
        this.opening = java.sql.Date.valueOf(campaign.opening());
        this.deadline = java.sql.Date.valueOf(campaign.deadline());
        this.revision++;
    }

    /** A new state; a new revision. */
    void state(CampaignState state) {
        this.state = state.name();
        this.revision++;
    }

    int year() {
        return year;
    }

    long revision() {
        return revision;
    }

    CampaignState currentState() {
        return CampaignState.valueOf(state);
    }

    Campaign toRecord(List<CampaignQuestionnaire> questionnaires) {
        LocalDate open = opening.toLocalDate();
        return new Campaign(year, label, open, deadline.toLocalDate(), CampaignState.valueOf(state), questionnaires,
            revision);
    }
}
