package org.liasse.api.identity;

import java.util.Set;

/**
 * Who is calling, as established by authentication.
 *
 * @param userId        user identifier
 * @param login         login
 * @param displayName   first and last name
 * @param siren         organisation of an organisation user, {@code null} for an operator
 * @param federation    perimeter of a federation operator, {@code null} for national operators and organisation users
 * @param rights        organisation rights of an organisation user
 * @param operatorRoles platform roles of an operator, empty for organisation users
 */
public record Caller(long userId, String login, String displayName, String siren, String federation,
                     Set<String> rights, Set<OperatorRole> operatorRoles) {

    /** Defensive copies. */
    public Caller {
        rights = Set.copyOf(rights);
        operatorRoles = Set.copyOf(operatorRoles);
    }

    /** Whether the caller is partner staff rather than an organisation user. */
    public boolean operator() {
        return !operatorRoles.isEmpty();
    }
}
