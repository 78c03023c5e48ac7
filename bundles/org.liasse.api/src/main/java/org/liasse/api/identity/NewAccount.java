package org.liasse.api.identity;

/**
 * Request to create an organisation user.
 *
 * @param login     login (letters, digits, dot, dash, underscore)
 * @param firstName first name
 * @param lastName  last name
 * @param email     email address that receives the activation code
 * @param profile   default profile code, which gives the initial rights
 */
public record NewAccount(String login, String firstName, String lastName, String email, String profile) {
}
