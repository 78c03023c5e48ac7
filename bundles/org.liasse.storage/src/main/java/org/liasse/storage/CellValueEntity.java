package org.liasse.storage;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Row of {@code cell_value}: numbers are stored as exact decimals, everything else as text. */
@Entity
@Table(name = "cell_value")
@IdClass(CellValueKey.class)
public class CellValueEntity {

    @Id
    @Column(name = "dossier_id")
    private long dossierId;

    @Id
    @Column(name = "cell_code")
    private String cellCode;

    @Column(name = "num_value", precision = 31, scale = 6)
    private BigDecimal number;

    @Column(name = "text_value")
    private String text;

    protected CellValueEntity() {
    }

    CellValueEntity(long dossierId, String cellCode) {
        this.dossierId = dossierId;
        this.cellCode = cellCode;
    }

    long dossierId() {
        return dossierId;
    }

    String cellCode() {
        return cellCode;
    }

    void set(CellValue value) {
        this.number = value.number();
        this.text = value.text();
    }

    CellValue value() {
        return new CellValue(number, text);
    }
}
