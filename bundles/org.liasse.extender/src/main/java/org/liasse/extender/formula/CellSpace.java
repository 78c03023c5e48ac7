package org.liasse.extender.formula;

import java.util.List;
import java.util.Optional;

/** The cells a formula may read, as seen by the compiler. */
public interface CellSpace {

    /** Why a cell cannot be read by a formula (unknown, not numeric), or empty when it can. */
    Optional<String> refuse(String cell);

    /** The cells of the rectangle between two cells of the same table, in row-then-column order; empty if invalid. */
    Optional<List<String>> range(String from, String to);

    /** Every possible row of a repeating table for one column, for {@code FICHE.TABLE_*.COLUMN}; empty if invalid. */
    Optional<List<String>> everyRow(String fiche, String table, String column);
}
