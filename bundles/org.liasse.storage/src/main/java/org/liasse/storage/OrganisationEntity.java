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

    @Column(name = "department")
    private String department;

    @Column(name = "active")
    private boolean active;

    protected OrganisationEntity() {
    }

    OrganisationEntity(Organisation organisation) {
        this.siren = organisation.siren();
        this.name = organisation.name();
        this.type = organisation.type();
        this.department = organisation.department();
        this.active = organisation.active();
    }

    Organisation toRecord() {
        return new Organisation(siren, name, type, department, active);
    }
}
