package org.liasse.api.transmission;

/** What the transmission matrix says of a recipient for a questionnaire. */
public enum RuleKind {

    /** Always delivered; the organisation cannot untick it. */
    MANDATORY,
    /** Delivered if the organisation ticks it. */
    ALLOWED,
    /** Never delivered. */
    FORBIDDEN
}
