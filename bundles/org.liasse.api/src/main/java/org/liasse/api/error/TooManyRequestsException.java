package org.liasse.api.error;

/** 429: too many attempts; the REST layer adds {@code Retry-After}. */
public class TooManyRequestsException extends LiasseException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** A refusal to retry after the given delay. */
    public TooManyRequestsException(String code, String detail, long retryAfterSeconds) {
        super(429, code, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds to wait before trying again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
