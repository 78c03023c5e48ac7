package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Row of {@code verification}, read only (runs are written by {@link RunWriter}): one run; its outcomes and aggregates
 * are rows of their own tables.
 */
@Entity
@Table(name = "verification")
public class VerificationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "dossier_id")
    private long dossierId;

    @Column(name = "dossier_revision")
    private long dossierRevision;

    @Column(name = "verified_at")
    private Timestamp at;

    @Column(name = "actor")
    private String actor;

    @Column(name = "questionnaire_version")
    private String questionnaireVersion;

    @Column(name = "passed")
    private int passed;

    @Column(name = "not_applicable")
    private int notApplicable;

    @Column(name = "run_trigger")
    private String trigger;

    protected VerificationEntity() {
    }

    long id() {
        return id;
    }

    long dossierId() {
        return dossierId;
    }

    long dossierRevision() {
        return dossierRevision;
    }

    Instant at() {
        return at.toInstant();
    }

    String actor() {
        return actor;
    }

    String questionnaireVersion() {
        return questionnaireVersion;
    }

    int passed() {
        return passed;
    }

    int notApplicable() {
        return notApplicable;
    }

    String trigger() {
        return trigger;
    }
}
