package org.liasse.storage;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.dossier.Campaign;
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

    protected CampaignEntity() {
    }

    CampaignEntity(Campaign campaign) {
        this.year = campaign.year();
        this.label = campaign.label();
        this.opening = java.sql.Date.valueOf(campaign.opening());
        this.deadline = java.sql.Date.valueOf(campaign.deadline());
        this.state = campaign.state().name();
    }

    void state(CampaignState state) {
        this.state = state.name();
    }

    Campaign toRecord() {
        LocalDate open = opening.toLocalDate();
        return new Campaign(year, label, open, deadline.toLocalDate(), CampaignState.valueOf(state));
    }
}
