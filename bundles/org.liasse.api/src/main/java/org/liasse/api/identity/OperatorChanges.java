package org.liasse.api.identity;

import java.util.Set;

/**
 * Changes to a partner staff account.
 *
 * @param federation federation perimeter, or {@code null} for the national perimeter
 * @param roles      platform roles, at least one
 * @param active     whether the account may sign in
 */
public record OperatorChanges(String federation, Set<OperatorRole> roles, boolean active) {

    /** Defensive copy; no roles is an empty set. */
    public OperatorChanges {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
