package org.liasse.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), so that the
 * parameters can be raised later and old hashes still verify. Defaults follow OWASP: 47 MiB, one pass, one lane.
 */
final class PasswordHasher {

    /** Memory in KiB used by default (47 MiB). */
    static final int DEFAULT_MEMORY_KIB = 47 * 1024;

    private static final Pattern PHC = Pattern.compile(
        "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;

    PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    String hash(String password) {
        byte[] salt = Secrets.randomBytes(16);
        byte[] hash = derive(password, salt, memoryKib, iterations, 1);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + ENCODER.encodeToString(salt) + "$"
            + ENCODER.encodeToString(hash);
    }

    /**
     * Whether the password matches the stored hash. A missing password, or a missing or malformed hash (an account
     * not activated yet), never matches but costs the same time as a real check, so that timing reveals nothing.
     */
    boolean verify(String password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (password == null || m == null || !m.matches()) {
            verifyNothing(String.valueOf(password));
            return false;
        }
        byte[] expected = DECODER.decode(m.group(5));
        byte[] actual = derive(password, DECODER.decode(m.group(4)), Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real check, so that unknown logins cannot be told apart by timing. */
    void verifyNothing(String password) {
        derive(password, new byte[16], memoryKib, iterations, 1);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int lanes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory).withIterations(iterations).withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }
}
