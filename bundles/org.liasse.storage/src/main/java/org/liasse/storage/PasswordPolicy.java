package org.liasse.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;

/**
 * Password rules after OWASP ASVS 5.0 (V6.2): at least 12 characters, at most 128, any character allowed, not a
 * common password, not the login, not a single repeated character. No composition rules, no forced rotation.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the shipped list of common passwords. */
    static PasswordPolicy shipped() {
        Set<String> common = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            PasswordPolicy.class.getResourceAsStream("common-passwords.txt"), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PasswordPolicy(Set.copyOf(common));
    }

    /** Refuses a weak password with one French message per broken rule (422 {@code mot-de-passe-faible}). */
    void check(String password, String login) {
        List<FieldError> errors = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            errors.add(error("trop-court", "Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères."));
        }
        if (length > MAX_LENGTH) {
            errors.add(error("trop-long", "Le mot de passe ne doit pas dépasser " + MAX_LENGTH + " caractères."));
        }
        if (password != null && length >= MIN_LENGTH) {
            String lower = password.toLowerCase(Locale.ROOT);
            if (common.contains(lower)) {
                errors.add(error("trop-courant", "Ce mot de passe fait partie des mots de passe les plus courants."));
            }
            if (login != null && lower.contains(login.toLowerCase(Locale.ROOT))) {
                errors.add(error("contient-identifiant", "Le mot de passe ne doit pas contenir l'identifiant."));
            }
            if (password.chars().distinct().count() == 1) {
                errors.add(error("repetitif", "Le mot de passe ne doit pas répéter un seul caractère."));
            }
        }
        if (!errors.isEmpty()) {
            throw LiasseException.invalid("mot-de-passe-faible", errors.get(0).message(), errors);
        }
    }

    private static FieldError error(String code, String message) {
        return new FieldError("password", code, message);
    }
}
