package org.liasse.api.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * How many dossiers stood at or beyond each step at the end of one day.
 *
 * @param day     the day (Europe/Paris)
 * @param reached one count per step of {@link Progress#steps()} after the first one (data entry, where every dossier
 *                starts), in the same order
 */
public record ProgressDay(LocalDate day, List<Integer> reached) {

    /** Defensive copy. */
    public ProgressDay {
        reached = List.copyOf(reached);
    }
}
