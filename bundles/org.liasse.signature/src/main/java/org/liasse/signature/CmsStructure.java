package org.liasse.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Reads a SignedData strictly, so that an altered byte in a part its signature does not cover is never silently
 * ignored by BouncyCastle's lenient parsing: a signed-data content type, exactly one signer whose digest algorithm is
 * the only one listed, content in an OCTET STRING, an encoding identical to the same SignedData rebuilt from its
 * parts (same tags, the versions RFC 5652 §5.1 and §5.3 prescribe), a signer identifier byte-identical to the
 * issuer and serial of one of its certificates, and certificates and CRLs that are plain X.509 structures with no
 * padding bits in their signature (their signed part is checked with their issuer's key elsewhere).
 */
final class CmsStructure {

    private CmsStructure() {
    }

    /** Whether the SignedData is one this platform produces or accepts. */
    static boolean wellFormed(CMSSignedData cms) {
        ContentInfo outer = cms.toASN1Structure();
        if (!CMSObjectIdentifiers.signedData.equals(outer.getContentType())) {
            return false;
        }
        try {
            SignedData signedData = SignedData.getInstance(outer.getContent());
            if (signedData.getSignerInfos().size() != 1 || signedData.getDigestAlgorithms().size() != 1) {
                return false;
            }
            SignerInfo signer = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
            ASN1Encodable content = signedData.getEncapContentInfo().getContent();
            return AlgorithmIdentifier.getInstance(signedData.getDigestAlgorithms().getObjectAt(0)).equals(signer.getDigestAlgorithm())
                && (content == null || content.toASN1Primitive() instanceof ASN1OctetString)
                && identifies(signer.getSID(), signedData.getCertificates())
                && Arrays.equals(outer.getEncoded(ASN1Encoding.DER), rebuilt(signedData, signer).getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The certificates of a SignedData, each read by the JDK from its exact bytes; refused if one is not plain X.509. */
    static List<X509Certificate> certificates(CMSSignedData cms) throws GeneralSecurityException {
        List<X509Certificate> result = new ArrayList<>();
        for (byte[] der : elements(SignedData.getInstance(cms.toASN1Structure().getContent()).getCertificates())) {
            if (Certificate.getInstance(der).getSignature().getPadBits() != 0) {
                throw new CertificateException("bits de remplissage dans la signature d'un certificat");
            }
            result.add((X509Certificate) PkiFiles.factory().generateCertificate(new ByteArrayInputStream(der)));
        }
        return result;
    }

    /** The CRLs of a SignedData, each read by the JDK from its exact bytes; refused if one is not plain X.509. */
    static List<X509CRL> crls(CMSSignedData cms) throws GeneralSecurityException {
        List<X509CRL> result = new ArrayList<>();
        for (byte[] der : elements(SignedData.getInstance(cms.toASN1Structure().getContent()).getCRLs())) {
            if (CertificateList.getInstance(der).getSignature().getPadBits() != 0) {
                throw new CRLException("bits de remplissage dans la signature d'une liste de révocation");
            }
            result.add((X509CRL) PkiFiles.factory().generateCRL(new ByteArrayInputStream(der)));
        }
        return result;
    }

    private static List<byte[]> elements(ASN1Set set) throws GeneralSecurityException {
        List<byte[]> result = new ArrayList<>();
        if (set != null) {
            for (ASN1Encodable element : set) {
                if (!(element.toASN1Primitive() instanceof ASN1Sequence)) {
                    throw new CertificateException("élément qui n'est pas X.509");
                }
                try {
                    result.add(element.toASN1Primitive().getEncoded(ASN1Encoding.DER));
                } catch (IOException e) {
                    throw new CertificateException(e);
                }
            }
        }
        return result;
    }

    /** Whether the signer identifier is, byte for byte, the issuer and serial number of one of the certificates. */
    private static boolean identifies(SignerIdentifier sid, ASN1Set certificates) throws IOException {
        if (sid.isTagged() || certificates == null) {
            return false;
        }
        IssuerAndSerialNumber id = IssuerAndSerialNumber.getInstance(sid.getId());
        byte[] issuer = id.getName().getEncoded(ASN1Encoding.DER);
        for (ASN1Encodable element : certificates) {
            Certificate certificate = Certificate.getInstance(element);
            if (certificate.getSerialNumber().equals(id.getSerialNumber())
                && Arrays.equals(certificate.getIssuer().getEncoded(ASN1Encoding.DER), issuer)) {
                return true;
            }
        }
        return false;
    }

    /** The same SignedData built afresh from its parts: BouncyCastle sets the tags and versions itself. */
    private static ContentInfo rebuilt(SignedData signedData, SignerInfo signer) {
        ContentInfo content = signedData.getEncapContentInfo();
        ASN1EncodableVector signers = new ASN1EncodableVector();
        signers.add(new SignerInfo(signer.getSID(), signer.getDigestAlgorithm(), signer.getAuthenticatedAttributes(),
            signer.getDigestEncryptionAlgorithm(), signer.getEncryptedDigest(), signer.getUnauthenticatedAttributes()));
        return new ContentInfo(CMSObjectIdentifiers.signedData, new SignedData(signedData.getDigestAlgorithms(),
            new ContentInfo(content.getContentType(), content.getContent()), signedData.getCertificates(), signedData.getCRLs(),
            new DERSet(signers)));
    }
}
