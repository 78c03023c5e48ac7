package org.liasse.storage;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.dossier.CellChange;

/** Row of {@code cell_history}: one change of one entered cell, never updated nor deleted. */
@Entity
@Table(name = "cell_history")
public class CellHistoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "dossier_id")
    private long dossierId;

    @Column(name = "cell_code")
    private String cellCode;

    @Column(name = "revision")
    private long revision;

    @Column(name = "changed_at")
    private Timestamp changedAt;

    @Column(name = "actor")
    private String actor;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected CellHistoryEntity() {
    }

    CellHistoryEntity(long dossierId, CellChange change) {
        this.dossierId = dossierId;
        this.cellCode = change.cell();
        this.revision = change.revision();
        this.changedAt = Timestamp.from(change.at());
        this.actor = change.actor();
        this.oldValue = change.before();
        this.newValue = change.after();
    }

    CellChange toRecord() {
        Instant at = changedAt.toInstant();
        return new CellChange(cellCode, revision, at, actor, oldValue, newValue);
    }
}
