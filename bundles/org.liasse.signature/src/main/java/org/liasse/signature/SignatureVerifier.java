package org.liasse.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.liasse.api.signature.SignatureReport;

/**
 * Verifies a signed PDF (PAdES) or a signed data file (CAdES) against the configured trust: integrity of every
 * byte, the CMS signature and its signing-certificate-v2, the signature timestamp, the signer's chain of trust and
 * revocation at the certified time. Nothing escapes as an exception: whatever is wrong is a French problem.
 */
final class SignatureVerifier {

    /** PAdES format name in reports. */
    static final String PADES = "PAdES";
    /** CAdES format name in reports. */
    static final String CADES = "CAdES";

    private static final String MODIFIED = "Le document a été modifié après la signature.";
    private static final String NOT_SIGNED = "Le fichier n'est ni un PDF signé ni un fichier de données signé (CMS).";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final Trust trust;

    SignatureVerifier(Trust trust) {
        this.trust = trust;
    }

    /** What a CMS signature says once checked; fields are {@code null} when unknown. */
    private static final class Findings {
        final List<String> problems = new ArrayList<>();
        String signer;
        Instant signingTime;
        Instant timestampAt;
        String timestampAuthority;
        Claims claims;

        SignatureReport report(String format) {
            return new SignatureReport(problems.isEmpty(), format, signer, claims == null ? null : claims.signedBy(),
                claims == null ? null : claims.organisation(), signingTime, timestampAt, timestampAuthority, problems);
        }
    }

    /** The verdict on a file. */
    SignatureReport verify(byte[] file) {
        if (file.length >= PDF_MAGIC.length && Arrays.equals(file, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            return verifyPdf(file);
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(file);
        } catch (CMSException | RuntimeException e) {
            cms = null;
        }
        if (cms == null || !CMSObjectIdentifiers.signedData.equals(cms.toASN1Structure().getContentType())) {
            return new SignatureReport(false, null, null, null, null, null, null, null, List.of(NOT_SIGNED));
        }
        return verifyCms(file, cms);
    }

    private SignatureReport verifyCms(byte[] file, CMSSignedData cms) {
        Findings findings = new Findings();
        try {
            if (!Arrays.equals(cms.getEncoded(ASN1Encoding.DER), file)) {
                findings.problems.add("Le fichier de données signé n'est pas intact (encodage DER altéré ou octets ajoutés).");
            }
            if (!CMSObjectIdentifiers.data.getId().equals(cms.getSignedContentTypeOID()) || cms.getSignedContent() == null) {
                findings.problems.add("Le fichier signé ne contient pas de données.");
                return findings.report(CADES);
            }
            byte[] json = (byte[]) cms.getSignedContent().getContent();
            try {
                findings.claims = StatementJson.claims(json);
            } catch (IOException e) {
                findings.problems.add("Les données signées ne sont pas une déclaration Liasse lisible.");
            }
            checkSignature(cms, List.of(), List.of(), findings);
        } catch (IOException | RuntimeException e) {
            findings.problems.add("Le fichier de données signé est illisible ou endommagé.");
        }
        return findings.report(CADES);
    }

    private SignatureReport verifyPdf(byte[] file) {
        Findings findings = new Findings();
        try (PDDocument document = Loader.loadPDF(file)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new SignatureReport(false, null, null, null, null, null, null, null,
                    List.of("Ce PDF ne porte aucune signature électronique."));
            }
            List<X509Certificate> dssCertificates = new ArrayList<>();
            List<X509CRL> dssCrls = new ArrayList<>();
            validationData(document, dssCertificates, dssCrls);
            for (PDSignature signature : signatures) {
                checkPdfSignature(file, signature, dssCertificates, dssCrls, findings);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            findings.problems.add("Le PDF est illisible ou endommagé.");
        }
        return findings.report(PADES);
    }

    private void checkPdfSignature(byte[] file, PDSignature signature, List<X509Certificate> dssCertificates,
                                   List<X509CRL> dssCrls, Findings findings) throws IOException {
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(signature.getSubFilter())) {
            findings.problems.add("La signature du PDF n'est pas de type PAdES (ETSI.CAdES.detached).");
            return;
        }
        int[] range = signature.getByteRange();
        if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] < range[1] + 2 || range[3] < 0
            || (long) range[2] + range[3] != file.length) {
            findings.problems.add(MODIFIED + " La signature ne couvre pas tout le fichier.");
            return;
        }
        byte[] der = contents(file, range[1], range[2]);
        if (der == null) {
            findings.problems.add(MODIFIED + " La zone de la signature a été altérée.");
            return;
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream(file.length);
        signed.write(file, 0, range[1]);
        signed.write(file, range[2], range[3]);
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signed.toByteArray()), der);
        } catch (CMSException e) {
            findings.problems.add(MODIFIED + " La signature est illisible.");
            return;
        }
        findings.claims = new Claims(signature.getName(), signature.getLocation());
        findings.signingTime = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        checkSignature(cms, dssCertificates, dssCrls, findings);
    }

    /**
     * The DER CMS in the hole between the two byte ranges: « &lt; », upper-case hexadecimal as PDFBox writes it,
     * « &gt; »; the CMS must be followed by zero padding only. {@code null} when anything differs.
     */
    private static byte[] contents(byte[] file, int start, int end) throws IOException {
        if (file[start] != '<' || file[end - 1] != '>' || (end - start - 2) % 2 != 0) {
            return null;
        }
        for (int i = start + 1; i < end - 1; i++) {
            byte b = file[i];
            if (!(b >= '0' && b <= '9' || b >= 'A' && b <= 'F')) {
                return null;
            }
        }
        byte[] hole = HexFormat.of().parseHex(new String(file, start + 1, end - start - 2, StandardCharsets.US_ASCII));
        ASN1Primitive object;
        try (ASN1InputStream in = new ASN1InputStream(hole)) {
            object = in.readObject();
        }
        if (object == null) {
            return null;
        }
        byte[] der = object.getEncoded(ASN1Encoding.DER);
        if (der.length > hole.length || !Arrays.equals(der, 0, der.length, hole, 0, der.length)) {
            return null;
        }
        for (int i = der.length; i < hole.length; i++) {
            if (hole[i] != 0) {
                return null;
            }
        }
        return der;
    }

    /** Certificates and CRLs of the PDF's DSS dictionary (covered by the signature, which is checked apart). */
    private static void validationData(PDDocument document, List<X509Certificate> certificates, List<X509CRL> crls)
        throws IOException, GeneralSecurityException {
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return;
        }
        for (byte[] der : streams(dss.getCOSArray(COSName.getPDFName("Certs")))) {
            certificates.add((X509Certificate) PkiFiles.factory().generateCertificate(new ByteArrayInputStream(der)));
        }
        for (byte[] der : streams(dss.getCOSArray(COSName.getPDFName("CRLs")))) {
            crls.add((X509CRL) PkiFiles.factory().generateCRL(new ByteArrayInputStream(der)));
        }
    }

    private static List<byte[]> streams(COSArray array) throws IOException {
        List<byte[]> result = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                COSBase item = array.getObject(i);
                if (item instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        result.add(in.readAllBytes());
                    }
                }
            }
        }
        return result;
    }

    /** The checks common to both formats, on a CMS SignedData whose content is attached or supplied. */
    private void checkSignature(CMSSignedData cms, Collection<X509Certificate> extraCertificates,
                                Collection<X509CRL> extraCrls, Findings findings) {
        List<String> problems = findings.problems;
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            problems.add("La signature doit avoir exactement un signataire.");
            return;
        }
        SignerInformation signer = signers.iterator().next();
        if (!CmsStructure.wellFormed(cms)) {
            problems.add(MODIFIED + " La structure de la signature a été altérée.");
        }
        List<X509Certificate> carried = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>(extraCrls);
        X509Certificate signerCertificate;
        try {
            carried.addAll(CmsStructure.certificates(cms));
            crls.addAll(CmsStructure.crls(cms));
            Collection<X509CertificateHolder> own = cms.getCertificates().getMatches(signer.getSID());
            if (own.isEmpty()) {
                problems.add("Le certificat du signataire est absent de la signature.");
                return;
            }
            signerCertificate = new JcaX509CertificateConverter().getCertificate(own.iterator().next());
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add("Les certificats joints à la signature sont illisibles.");
            return;
        }
        findings.signer = signerCertificate.getSubjectX500Principal().getName();
        if (findings.signingTime == null) {
            findings.signingTime = signingTime(signer.getSignedAttributes());
        }
        for (X509Certificate certificate : carried) {
            if (!trust.intact(certificate, carried)) {
                problems.add("Un certificat joint à la signature est altéré ou émis par une autorité inconnue.");
            }
        }
        for (X509CRL crl : crls) {
            if (!trust.intact(crl, carried)) {
                problems.add("Une liste de révocation jointe à la signature est altérée ou émise par une autorité inconnue.");
            }
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate))) {
                problems.add(MODIFIED + " La signature ne correspond pas au contenu signé.");
            }
        } catch (CMSVerifierCertificateNotValidException e) {
            problems.add("Le certificat du signataire n'était pas valide à la date de signature déclarée.");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            problems.add(MODIFIED + " La signature ne correspond pas au contenu signé.");
        }
        if (!signingCertificateMatches(signer.getSignedAttributes(), signerCertificate)) {
            problems.add("L'attribut signé signing-certificate-v2 est absent ou ne désigne pas le certificat du signataire.");
        }
        boolean[] usage = signerCertificate.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            problems.add("Le certificat du signataire n'est pas destiné à la signature.");
        }
        Instant at = timestamp(signer, carried, crls, findings);
        List<X509Certificate> candidates = new ArrayList<>(carried);
        candidates.addAll(extraCertificates);
        trust.check(signerCertificate, at == null ? Instant.now() : at, candidates, crls, "Le certificat du signataire", problems);
    }

    /** Checks the signature-time-stamp unsigned attribute and returns the certified time, {@code null} if it fails. */
    private Instant timestamp(SignerInformation signer, List<X509Certificate> carried, List<X509CRL> crls, Findings findings) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null || unsigned.size() != 1 || attribute.getAttrValues().size() != 1) {
            findings.problems.add(attribute == null ? "La signature n'est pas horodatée."
                : "Les attributs non signés de la signature sont inattendus.");
            return null;
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
        } catch (TSPException | IOException | RuntimeException e) {
            findings.problems.add("Le jeton d'horodatage est illisible.");
            return null;
        }
        Timestamps.Stamp stamp = Timestamps.check(token, signer.getSignature(), trust, crls, findings.problems);
        if (stamp == null) {
            return null;
        }
        findings.timestampAt = stamp.at();
        findings.timestampAuthority = stamp.authority().getSubjectX500Principal().getName();
        return stamp.at();
    }

    /** The signing-time signed attribute (CAdES), {@code null} if absent. */
    private static Instant signingTime(AttributeTable attributes) {
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        return attribute == null ? null : Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }

    /** Whether the signed attributes hold a signing-certificate-v2 whose first ESSCertIDv2 is the certificate's hash. */
    private static boolean signingCertificateMatches(AttributeTable attributes, X509Certificate certificate) {
        Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build().get(id.getHashAlgorithm());
            digest.getOutputStream().write(certificate.getEncoded());
            return MessageDigest.isEqual(digest.getDigest(), id.getCertHash());
        } catch (IOException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }
}
