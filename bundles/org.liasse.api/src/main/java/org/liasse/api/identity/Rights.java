package org.liasse.api.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rights of organisation users, and the default profiles that bundle them. */
public final class Rights {

    /** Create this year's dossier (Initialiser). */
    public static final String INITIALISE = "dossier.initialiser";
    /** Enter data. */
    public static final String ENTER = "dossier.saisir";
    /** Import data from management-software exports. */
    public static final String IMPORT = "dossier.importer";
    /** Launch the verification. */
    public static final String VERIFY = "dossier.verifier";
    /** Move a dossier to the next workflow step. */
    public static final String ADVANCE = "dossier.avancer";
    /** Sign statements. */
    public static final String SIGN = "dossier.signer";
    /** Transmit statements. */
    public static final String TRANSMIT = "dossier.transmettre";
    /** Consult dossiers. */
    public static final String CONSULT = "dossier.consulter";
    /** Manage attachments. */
    public static final String ATTACHMENTS = "pieces.gerer";
    /** Manage the organisation's users and their rights. */
    public static final String MANAGE_USERS = "utilisateurs.gerer";

    /** A right with its French label. */
    public record Right(String code, String label) {
    }

    /** A default profile with its French label and rights. */
    public record Profile(String code, String label, Set<String> rights) {

        /** Defensive copy. */
        public Profile {
            rights = Set.copyOf(rights);
        }
    }

    /** Every core right, in display order. */
    public static final List<Right> CORE = List.of(
        new Right(INITIALISE, "Initialiser le dossier"),
        new Right(ENTER, "Saisir les données"),
        new Right(IMPORT, "Importer des données"),
        new Right(VERIFY, "Lancer la vérification"),
        new Right(ADVANCE, "Faire avancer le dossier d'étape"),
        new Right(SIGN, "Signer"),
        new Right(TRANSMIT, "Transmettre"),
        new Right(CONSULT, "Consulter"),
        new Right(ATTACHMENTS, "Gérer les pièces jointes"),
        new Right(MANAGE_USERS, "Gérer les utilisateurs"));

    /** Default profiles. The organisation administrator only manages users and does not enter data. */
    public static final List<Profile> PROFILES = List.of(
        new Profile("RESPONSABLE_SAISIE", "Responsable de saisie",
            Set.of(INITIALISE, ENTER, IMPORT, VERIFY, CONSULT, ATTACHMENTS)),
        new Profile("RESPONSABLE_COMPTABLE", "Responsable comptable",
            Set.of(ENTER, IMPORT, VERIFY, ADVANCE, CONSULT, ATTACHMENTS)),
        new Profile("RESPONSABLE_HIERARCHIQUE", "Responsable hiérarchique",
            Set.of(INITIALISE, ENTER, IMPORT, VERIFY, ADVANCE, SIGN, TRANSMIT, CONSULT, ATTACHMENTS)),
        new Profile("ADMINISTRATEUR", "Administrateur de l'organisation", Set.of(MANAGE_USERS, CONSULT)));

    private Rights() {
    }

    /** Whether the code is a core right. */
    public static boolean core(String code) {
        return CORE.stream().anyMatch(r -> r.code().equals(code));
    }

    /** The default profile with this code. */
    public static Optional<Profile> profile(String code) {
        return PROFILES.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
