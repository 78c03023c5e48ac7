/**
 * Values written for French readers: grouped digits and a decimal comma, dates JJ/MM/AAAA, Oui/Non, counts with
 * their noun. The browser's {@code format-fr.js} follows the same rules, checked by one set of shared fixtures.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.liasse.api.format;
