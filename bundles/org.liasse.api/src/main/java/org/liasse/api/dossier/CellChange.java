package org.liasse.api.dossier;

import java.time.Instant;

/**
 * One change of one cell, kept forever in the dossier's history.
 *
 * @param cell     cell code
 * @param revision dossier revision the change produced
 * @param at       when it was saved
 * @param actor    login of who saved it ({@code calcul} for computed cells is never recorded: they follow their inputs)
 * @param before   canonical value before, {@code null} when the cell was empty
 * @param after    canonical value after, {@code null} when the cell was cleared
 */
public record CellChange(String cell, long revision, Instant at, String actor, String before, String after) {
}
