package org.liasse.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.liasse.api.identity.OperatorRole;

/**
 * Who may call a resource method. Every resource method declares one; {@link AccessFilter} enforces it, and a
 * method without it is refused to everyone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    /** For {@link Level#ORGANISATION}: organisation users are not allowed, only the listed operators. */
    String OPERATORS_ONLY = "-";

    /** Kind of check. */
    Level value();

    /** For {@link Level#ORGANISATION}: the right an organisation user needs ("" = any member of the organisation). */
    String right() default "";

    /** Operator roles allowed ({@link Level#OPERATOR}, or {@link Level#ORGANISATION} within their perimeter). */
    OperatorRole[] operators() default {};

    /** How the organisation acted on is found, for {@link Level#ORGANISATION}. */
    Target target() default Target.SIREN;

    /** Kinds of check. */
    enum Level {
        /** Anyone, even anonymous. */
        PUBLIC,
        /** Any signed-in user or operator; the service scopes what is returned. */
        AUTHENTICATED,
        /** Operators with one of the listed roles. */
        OPERATOR,
        /** Members of the target organisation with the right, or listed operators whose perimeter includes it. */
        ORGANISATION
    }

    /** Where the target organisation comes from. */
    enum Target {
        /** The {@code siren} path parameter. */
        SIREN,
        /** The organisation owning the dossier of the {@code id} path parameter. */
        DOSSIER
    }
}
