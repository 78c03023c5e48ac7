package org.liasse.api.identity;

/**
 * Changes to an organisation user.
 *
 * @param firstName first name
 * @param lastName  last name
 * @param email     email address
 * @param profile   default profile code (changing it does not change rights already tuned)
 * @param active    whether the account may sign in
 */
public record AccountChanges(String firstName, String lastName, String email, String profile, boolean active) {
}
