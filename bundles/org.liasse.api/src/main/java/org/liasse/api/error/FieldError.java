package org.liasse.api.error;

/**
 * One invalid input, e.g. one cell refused at save.
 *
 * @param field   the field or cell code
 * @param code    stable error code
 * @param message French message
 */
public record FieldError(String field, String code, String message) {
}
