package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;

/** Argon2id hashing and the password policy. */
class PasswordsTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_MEMORY_KIB, 1);

    @Test
    void hashesAreSaltedArgon2idPhcStringsThatVerifyOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=48128,t=1,p=1$"), hash);
        assertNotEquals(hash, hasher.hash("correct horse battery staple"), "a fresh salt each time");
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapler", hash));
        assertFalse(hasher.verify("anything", "not a hash"));
        assertFalse(hasher.verify("anything", null));
    }

    @Test
    void hashesWithOtherParametersStillVerify() {
        String cheap = new PasswordHasher(8192, 2).hash("un mot de passe ancien");
        assertTrue(cheap.contains("m=8192,t=2"));
        assertTrue(hasher.verify("un mot de passe ancien", cheap), "parameters are read from the stored hash");
    }

    private static List<String> refusals(String password, String login) {
        LiasseException error = assertThrows(LiasseException.class, () -> PasswordPolicy.shipped().check(password, login));
        assertEquals(422, error.status());
        assertEquals("mot-de-passe-faible", error.code());
        return error.errors().stream().map(FieldError::code).toList();
    }

    @Test
    void thePolicyFollowsAsvsLengthAndCommonPasswordRules() {
        PasswordPolicy.shipped().check("Une longue phrase de passe", "AD_000000018");
        PasswordPolicy.shipped().check("ééééééééééèè", "x");
        assertEquals(List.of("trop-court"), refusals("Court1!", "x"));
        assertEquals(List.of("trop-long"), refusals("a".repeat(60) + "b".repeat(69), "x"));
        assertEquals(List.of("trop-courant"), refusals("Motdepasse123", "x"));
        assertEquals(List.of("trop-courant"), refusals("AZERTYUIOP123", "x"));
        assertEquals(List.of("contient-identifiant"), refusals("mon AD_000000018 à moi", "ad_000000018"));
        assertEquals(List.of("repetitif"), refusals("zzzzzzzzzzzzzz", "x"));
        assertEquals(List.of("trop-court"), refusals(null, "x"));
    }

    @Test
    void secretsAreRandomAndOnlyTheirHashIsKept() {
        String secret = Secrets.newSecret("lia_");
        assertTrue(secret.startsWith("lia_") && secret.length() == 47, secret);
        assertNotEquals(secret, Secrets.newSecret("lia_"));
        assertEquals(64, Secrets.hash(secret).length());
        assertEquals(Secrets.hash(secret), Secrets.hash(secret));
    }
}
