package org.liasse.api.dossier;

/**
 * A filing organisation (social-housing landlord).
 *
 * @param siren      SIREN, 9 digits with a Luhn check digit
 * @param name       name
 * @param type       organisation type code, see {@link OrganisationTypes}
 * @param federation code of the federation it belongs to ({@code OPH}, {@code ESH}, {@code COOP}, {@code EPL}), or {@code null}
 * @param region     code of the région of its head office, e.g. {@code 84}
 * @param department code of the département of its head office, e.g. {@code 69}
 * @param active     whether it may file
 * @param revision   incremented at each change; the REST layer exposes it as the ETag (0: not stored yet)
 */
public record Organisation(String siren, String name, String type, String federation, String region, String department,
                           boolean active, long revision) {

    /** An organisation not stored yet, or whose revision does not matter (a creation, a line of an import). */
    public Organisation(String siren, String name, String type, String federation, String region, String department,
                        boolean active) {
        this(siren, name, type, federation, region, department, active, 0);
    }
}
