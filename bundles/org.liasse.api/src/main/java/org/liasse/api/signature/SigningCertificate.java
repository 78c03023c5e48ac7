package org.liasse.api.signature;

import java.time.Instant;

/**
 * The certificate the platform signs with, as the operator configured it.
 *
 * @param subject   certificate subject
 * @param issuer    certificate issuer
 * @param notBefore start of validity
 * @param notAfter  end of validity
 * @param status    {@code valide}, {@code expire}, {@code pas-encore-valide}, {@code revoque} or {@code absent}
 */
public record SigningCertificate(String subject, String issuer, Instant notBefore, Instant notAfter, String status) {
}
