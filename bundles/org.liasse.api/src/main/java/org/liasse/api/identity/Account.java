package org.liasse.api.identity;

import java.util.Set;

/**
 * A user account: an organisation user (with a SIREN) or partner staff (with operator roles).
 *
 * @param id            identifier
 * @param login         login, e.g. {@code AD_000000018} for an organisation administrator
 * @param firstName     first name
 * @param lastName      last name
 * @param email         email address for activation and password reset
 * @param siren         organisation, {@code null} for operators
 * @param federation    perimeter of a federation operator, else {@code null}
 * @param profile       default profile code of an organisation user, else {@code null}
 * @param rights        organisation rights
 * @param operatorRoles platform roles, empty for organisation users
 * @param active        whether the account may sign in
 * @param activated     whether its first password has been set
 * @param revision      incremented at each change; exposed as ETag
 */
public record Account(long id, String login, String firstName, String lastName, String email, String siren,
                      String federation, String profile, Set<String> rights, Set<OperatorRole> operatorRoles,
                      boolean active, boolean activated, long revision) {

    /** Defensive copies. */
    public Account {
        rights = Set.copyOf(rights);
        operatorRoles = Set.copyOf(operatorRoles);
    }

    /** The caller this account acts as. */
    public Caller caller() {
        return new Caller(id, login, firstName + " " + lastName, siren, federation, rights, operatorRoles);
    }
}
