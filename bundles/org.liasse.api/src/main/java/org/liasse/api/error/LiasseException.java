package org.liasse.api.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal that the REST layer turns into RFC 9457 problem+json: HTTP status, stable code, French detail.
 */
public class LiasseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<FieldError> errors;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    /** A refusal with per-field errors. */
    public LiasseException(int status, String code, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** A refusal without per-field errors. */
    public LiasseException(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    /** 404: the thing asked for does not exist (or is not visible to the caller). */
    public static LiasseException notFound(String code, String detail) {
        return new LiasseException(404, code, detail);
    }

    /** 409: the request conflicts with the current state. */
    public static LiasseException conflict(String code, String detail) {
        return new LiasseException(409, code, detail);
    }

    /** 422: the request is well-formed but its content is invalid. */
    public static LiasseException invalid(String code, String detail, List<FieldError> errors) {
        return new LiasseException(422, code, detail, errors);
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Stable, machine-readable code. */
    public String code() {
        return code;
    }

    /** Adds an RFC 9457 extension member to the problem document (e.g. the cells changed meanwhile). */
    public LiasseException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Extension members of the problem document, possibly empty. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Per-field errors, possibly empty. */
    public List<FieldError> errors() {
        return errors;
    }
}
