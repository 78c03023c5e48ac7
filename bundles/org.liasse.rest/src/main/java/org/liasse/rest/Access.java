package org.liasse.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.liasse.api.identity.OperatorRole;

/**
 * Who may call a resource method, and on whose data. Every resource method declares one, with its
 * {@link #perimeter()}; {@link AccessFilter} enforces it, and a method without it is refused to everyone.
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

    /** Whose data the operation reaches; there is no default, so an operation cannot be added without one. */
    Scope perimeter();

    /** How the organisation acted on is found, for {@link Scope#TARGET}. */
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

    /** Perimeters, enforced for operators: a federation operator stays inside its federation. */
    enum Scope {
        /** Nothing of an organisation: public operations, the caller's own account, catalogues, server metadata. */
        NONE,
        /**
         * A national resource (recipients registry, transmission matrix, national campaigns, operator accounts,
         * the whole audit chain): national operators only, a federation operator is refused.
         */
        NATIONAL,
        /** The caller's whole perimeter: the service reads or changes only the caller's federation's organisations. */
        CALLER,
        /** One organisation, found from the path by {@link #target()}: its members, operators whose perimeter has it. */
        TARGET
    }

    /** Where the target organisation comes from. */
    enum Target {
        /** The {@code siren} path parameter. */
        SIREN,
        /** The organisation owning the dossier of the {@code id} path parameter. */
        DOSSIER,
        /** The organisation whose dossier the delivery of the {@code id} path parameter carries. */
        DELIVERY
    }
}
