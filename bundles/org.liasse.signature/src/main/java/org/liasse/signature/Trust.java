package org.liasse.signature;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Decides whether a certificate is trusted at a given time: a chain of verified signatures up to one of the
 * configured trust anchors, every certificate of it valid at that time, none revoked before that time by a CRL
 * its issuer signed (configured CRLs and those carried by the signed file). A CRL issued after that time is used
 * too: a revocation it lists is dated, and only a revocation dated before counts.
 */
final class Trust {

    private static final int MAX_CHAIN = 8;

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;

    Trust(List<X509Certificate> anchors, List<X509CRL> crls) {
        this.anchors = List.copyOf(anchors);
        this.crls = List.copyOf(crls);
    }

    /** The configured CRLs. */
    List<X509CRL> crls() {
        return crls;
    }

    /** The configured trust anchors. */
    List<X509Certificate> anchors() {
        return anchors;
    }

    /**
     * Checks a certificate at a time and adds a French problem for each failure.
     *
     * @param who       how the problems name the certificate, e.g. « Le certificat du signataire »
     * @param embedded  certificates carried by the signed file, candidates for intermediate authorities
     * @param extraCrls CRLs carried by the signed file (used only once verified with their issuer's key)
     */
    void check(X509Certificate certificate, Instant at, Collection<X509Certificate> embedded,
               Collection<X509CRL> extraCrls, String who, List<String> problems) {
        List<X509Certificate> chain = chain(certificate, embedded);
        if (chain == null) {
            problems.add(who + " n'est pas émis par une autorité de confiance.");
            return;
        }
        for (X509Certificate link : chain) {
            if (at.isBefore(link.getNotBefore().toInstant()) || at.isAfter(link.getNotAfter().toInstant())) {
                problems.add(link == certificate ? who + " n'était pas valide à la date retenue (" + at + ")."
                    : who + " est émis par une autorité dont le certificat n'était pas valide à la date retenue (" + at + ").");
            }
        }
        List<X509CRL> all = new ArrayList<>(crls);
        all.addAll(extraCrls);
        for (int i = 0; i + 1 < chain.size(); i++) {
            Instant revocation = revocation(chain.get(i), chain.get(i + 1), all);
            if (revocation != null && !revocation.isAfter(at)) {
                problems.add(i == 0 ? who + " a été révoqué le " + revocation + "."
                    : who + " est émis par une autorité révoquée le " + revocation + ".");
            }
        }
    }

    /** Whether a configured CRL of the certificate's issuer lists it, whatever the date. */
    boolean revoked(X509Certificate certificate) {
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())
                && crl.getRevokedCertificate(certificate) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a certificate carried by a signed file is intact: its signature verifies with the key of one of
     * {@code known} or of a trust anchor (a self-signed certificate with its own key).
     */
    boolean intact(X509Certificate certificate, Collection<X509Certificate> known) {
        List<X509Certificate> issuers = new ArrayList<>(anchors);
        issuers.addAll(known);
        for (X509Certificate issuer : issuers) {
            if (issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && signedBy(certificate, issuer)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a CRL carried by a signed file is intact: signed by one of {@code known} or a trust anchor. */
    boolean intact(X509CRL crl, Collection<X509Certificate> known) {
        List<X509Certificate> issuers = new ArrayList<>(anchors);
        issuers.addAll(known);
        return issuers.stream().anyMatch(issuer -> issuedBy(crl, issuer));
    }

    /** The chain from the certificate to a trust anchor (both included), {@code null} when there is none. */
    private List<X509Certificate> chain(X509Certificate certificate, Collection<X509Certificate> embedded) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = certificate;
        while (chain.size() < MAX_CHAIN) {
            chain.add(current);
            for (X509Certificate anchor : anchors) {
                if (anchor.equals(current)) {
                    return chain;
                }
                if (anchor.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && signedBy(current, anchor)) {
                    chain.add(anchor);
                    return chain;
                }
            }
            X509Certificate next = null;
            for (X509Certificate candidate : embedded) {
                if (!candidate.equals(current) && candidate.getBasicConstraints() >= 0
                    && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && signedBy(current, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return null;
    }

    /** The earliest revocation date of the certificate in the CRLs its issuer signed, {@code null} if none lists it. */
    private static Instant revocation(X509Certificate certificate, X509Certificate issuer, List<X509CRL> crls) {
        Instant result = null;
        for (X509CRL crl : crls) {
            if (issuedBy(crl, issuer)) {
                X509CRLEntry entry = crl.getRevokedCertificate(certificate);
                if (entry != null) {
                    Date date = entry.getRevocationDate();
                    result = result == null || date.toInstant().isBefore(result) ? date.toInstant() : result;
                }
            }
        }
        return result;
    }

    private static boolean issuedBy(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && !usage[5]) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
