package org.liasse.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a signature-time-stamp token (RFC 3161, ETSI EN 319 122-1 §5.3): signed by a timestamp authority whose
 * certificate is included, trusted and valid at the certified time, with a critical id-kp-timeStamping usage, and
 * whose message imprint is the hash of the signature value it stamps.
 */
final class Timestamps {

    /**
     * A timestamp that holds.
     *
     * @param at        the certified time
     * @param authority the timestamp authority's certificate
     */
    record Stamp(Instant at, X509Certificate authority) {
    }

    private Timestamps() {
    }

    /** The timestamp if the token holds, else {@code null} with a French problem for each failure. */
    static Stamp check(TimeStampToken token, byte[] signature, Trust trust, Collection<X509CRL> crls, List<String> problems) {
        int before = problems.size();
        try {
            if (!CmsStructure.wellFormed(token.toCMSSignedData())) {
                problems.add("La structure du jeton d'horodatage a été altérée.");
                return null;
            }
            List<X509Certificate> carried = CmsStructure.certificates(token.toCMSSignedData());
            for (X509Certificate certificate : carried) {
                if (!trust.intact(certificate, carried)) {
                    problems.add("Un certificat joint au jeton d'horodatage est altéré ou émis par une autorité inconnue.");
                }
            }
            Collection<X509CertificateHolder> own = token.getCertificates().getMatches(token.getSID());
            if (own.isEmpty()) {
                problems.add("Le jeton d'horodatage ne contient pas le certificat de l'autorité d'horodatage.");
                return null;
            }
            X509CertificateHolder authority = own.iterator().next();
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            } catch (TSPException e) {
                problems.add("Le jeton d'horodatage est invalide (signature, certificat ou usage de l'autorité).");
                return null;
            }
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
                .get(token.getTimeStampInfo().getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(signature);
            }
            if (!MessageDigest.isEqual(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                problems.add("L'horodatage ne porte pas sur cette signature.");
                return null;
            }
            Instant at = token.getTimeStampInfo().getGenTime().toInstant();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(authority);
            trust.check(certificate, at, carried, crls, "Le certificat de l'autorité d'horodatage", problems);
            return problems.size() == before ? new Stamp(at, certificate) : null;
        } catch (GeneralSecurityException | OperatorCreationException | IOException | RuntimeException e) {
            problems.add("Le jeton d'horodatage est illisible.");
            return null;
        }
    }
}
