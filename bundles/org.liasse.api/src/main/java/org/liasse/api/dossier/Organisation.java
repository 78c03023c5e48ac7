package org.liasse.api.dossier;

/**
 * A filing organisation (social-housing landlord).
 *
 * @param siren      SIREN, 9 digits with a Luhn check digit
 * @param name       name
 * @param type       organisation type code, e.g. {@code OPH}, {@code ESH}, {@code COOP}, {@code SEM}, {@code MOI}
 * @param department code of the département of its head office, e.g. {@code 69}
 * @param active     whether it may file
 */
public record Organisation(String siren, String name, String type, String department, boolean active) {
}
