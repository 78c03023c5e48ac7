package org.liasse.api.workflow;

/**
 * What the person moving a dossier states when the step it enters signs or transmits it: nothing is signed or
 * transmitted from a bare request.
 *
 * @param certified     « Je certifie l'exactitude des informations » was ticked (needed to sign)
 * @param password      the signer's current password, checked again just before signing (needed to sign)
 * @param confirmed     the delivery to the recipients shown was confirmed (needed to transmit)
 * @param remoteAddress where the request came from: a wrong password counts as a failed sign-in from there
 */
public record Attestation(boolean certified, String password, boolean confirmed, String remoteAddress) {

    /** Neither certified nor confirmed: enough for the steps that neither sign nor transmit. */
    public static Attestation none(String remoteAddress) {
        return new Attestation(false, null, false, remoteAddress);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Attestation[certified=" + certified + ", confirmed=" + confirmed + ", remoteAddress=" + remoteAddress
            + "]";
    }
}
