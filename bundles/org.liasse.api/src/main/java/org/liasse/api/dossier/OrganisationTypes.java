package org.liasse.api.dossier;

import java.util.List;

/** The organisation types known to the core; the list grows by adding entries, codes never change. */
public final class OrganisationTypes {

    /** A type with its French label. */
    public record Type(String code, String label) {
    }

    /** Every known type. */
    public static final List<Type> ALL = List.of(
        new Type("OPH", "Office public de l'habitat"),
        new Type("ESH", "Entreprise sociale pour l'habitat"),
        new Type("COOP", "Société coopérative d'Hlm"),
        new Type("SEM", "Société d'économie mixte (EPL)"),
        new Type("MOI", "Organisme de maîtrise d'ouvrage d'insertion"),
        new Type("SOCIETE_COORDINATION", "Société de coordination"));

    /** Federation codes. */
    public static final List<String> FEDERATIONS = List.of("OPH", "ESH", "COOP", "EPL");

    private OrganisationTypes() {
    }

    /** Whether the code is a known type. */
    public static boolean known(String code) {
        return ALL.stream().anyMatch(t -> t.code().equals(code));
    }
}
