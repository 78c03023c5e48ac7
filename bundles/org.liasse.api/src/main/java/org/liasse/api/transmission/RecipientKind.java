package org.liasse.api.transmission;

/** Kinds of recipients. Territorial kinds resolve, for each organisation, to the recipient of its territory. */
public enum RecipientKind {

    /** A national body (CDC, CGLLS, ANCOLS…). */
    NATIONAL(false),
    /** The prefect of a département; territory: département code. */
    PREFET_DEPARTEMENT(true),
    /** The prefect of a région; territory: région code. */
    PREFET_REGION(true),
    /** A federation; territory: federation code (OPH, ESH, COOP, EPL). */
    FEDERATION(true),
    /** Any other recipient. */
    OTHER(false);

    private final boolean territorial;

    RecipientKind(boolean territorial) {
        this.territorial = territorial;
    }

    /**
     * Whether the matrix names this kind rather than a recipient: « the prefect of the organisation's
     * département » is a different recipient for each organisation.
     */
    public boolean territorial() {
        return territorial;
    }
}
