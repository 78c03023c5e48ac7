package org.liasse.storage;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.dossier.Organisation;

/** Row of {@code organisation}. */
@Entity
@Table(name = "organisation")
public class OrganisationEntity {

    @Id
    @Column(name = "siren")
    private String siren;

    @Column(name = "name")
    private String name;

    @Column(name = "org_type")
    private String type;

    @Column(name = "federation")
    private String federation;

    @Column(name = "region")
    private String region;

    @Column(name = "department")
    private String department;

    @Column(name = "active")
    private boolean active;

    @Column(name = "revision")
    private long revision;

    protected OrganisationEntity() {
    }

    OrganisationEntity(Organisation organisation) {
        this.siren = organisation.siren();
        update(organisation);
    }

    /** Copies everything but the SIREN; a new revision. */
    void update(Organisation organisation) {
        this.name = organisation.name();
        this.type = organisation.type();
        this.federation = organisation.federation();
        this.region = organisation.region();
        this.department = organisation.department();
        this.active = organisation.active();
        this.revision++;
    }

    long revision() {
        return revision;
    }

    Organisation toRecord() {
        return new Organisation(siren, name, type, federation, region, department, active, revision);
    }
}
