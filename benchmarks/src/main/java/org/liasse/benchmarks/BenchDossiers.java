package org.liasse.benchmarks;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Dossiers written straight into a stopped server's Derby database, with a grid of amounts in the cells
 * {@code F.R<row>.C<column>}: creating thousands of them through user accounts over REST would take longer than
 * the measurements themselves.
 */
final class BenchDossiers {

    /** Inserts a cell value. */
    static final String INSERT_VALUE = "INSERT INTO cell_value (dossier_id, cell_code, num_value) VALUES (?, ?, ?)";

    /** The amount of one cell of the grid. */
    @FunctionalInterface
    interface Amount {
        int of(int row, int column);
    }

    private BenchDossiers() {
    }

    /**
     * Inserts one dossier (the parameters of its statement already set) and its grid of amounts, in one batch.
     *
     * @return the dossier's id
     */
    static long insert(PreparedStatement dossier, PreparedStatement value, int rows, int columns, Amount amount)
        throws SQLException {
        dossier.executeUpdate();
        long id;
        try (ResultSet keys = dossier.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
        }
        for (int row = 1; row <= rows; row++) {
            for (int column = 1; column <= columns; column++) {
                value.setLong(1, id);
                value.setString(2, ControlRules.cell(row, column));
                value.setBigDecimal(3, BigDecimal.valueOf(amount.of(row, column)));
                value.addBatch();
            }
        }
        value.executeBatch();
        return id;
    }
}
