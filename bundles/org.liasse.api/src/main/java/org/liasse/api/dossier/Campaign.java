package org.liasse.api.dossier;

import java.time.LocalDate;

/**
 * A yearly collection round for accounting year {@code year}.
 *
 * @param year     accounting year (exercice) collected
 * @param label    French label
 * @param opening  opening date
 * @param deadline closing date
 * @param state    current state
 */
public record Campaign(int year, String label, LocalDate opening, LocalDate deadline, CampaignState state) {
}
