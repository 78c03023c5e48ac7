package org.liasse.api.transmission;

/**
 * A delivery that did not happen. Retried with a backoff unless {@link #permanent()}, e.g. a refused credential
 * is retried too (the operator may fix it), while a recipient that rejects the parcel's content is not.
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    /** A failure, with a French message for operators. */
    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Whether retrying cannot help. */
    public boolean permanent() {
        return permanent;
    }
}
