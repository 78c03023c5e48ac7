package org.liasse.api.transmission;

import java.time.Instant;
import java.util.List;

/**
 * The transmission matrix of a campaign at one version. A campaign without rules starts at version 0; each change
 * makes a new version and the previous ones stay readable.
 *
 * @param year      campaign year
 * @param version   version, the ETag
 * @param rules     rules; a questionnaire × target with no rule is forbidden
 * @param changedBy who made this version (empty for version 0)
 * @param changedAt when ({@code null} for version 0)
 */
public record Matrix(int year, long version, List<MatrixRule> rules, String changedBy, Instant changedAt) {

    /** Defensive copy. */
    public Matrix {
        rules = List.copyOf(rules);
    }
}
