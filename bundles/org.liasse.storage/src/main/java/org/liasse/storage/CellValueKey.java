package org.liasse.storage;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link CellValueEntity}. */
public class CellValueKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private long dossierId;
    private String cellCode;

    /** For JPA. */
    public CellValueKey() {
    }

    CellValueKey(long dossierId, String cellCode) {
        this.dossierId = dossierId;
        this.cellCode = cellCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellValueKey key && key.dossierId == dossierId && Objects.equals(key.cellCode, cellCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dossierId, cellCode);
    }
}
