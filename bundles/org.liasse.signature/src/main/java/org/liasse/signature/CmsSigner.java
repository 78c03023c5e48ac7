package org.liasse.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Builds the CMS SignedData of both signatures with the seal key: SHA-256, signed attributes content-type,
 * message-digest, signing-certificate-v2 and CMS algorithm protection, the key's certificate chain, and a
 * signature-time-stamp unsigned attribute from the timestamp authority, checked before use. DER encoded.
 */
final class CmsSigner {

    /**
     * A CMS signature.
     *
     * @param cms         DER SignedData
     * @param timestampAt time certified by the timestamp authority
     */
    record Signed(byte[] cms, Instant timestampAt) {
    }

    private final KeyMaterial key;
    private final Trust trust;
    private final TimestampClient timestamps;

    CmsSigner(KeyMaterial key, Trust trust, TimestampClient timestamps) {
        this.key = key;
        this.trust = trust;
        this.timestamps = timestamps;
    }

    /**
     * The detached signature of a PDF's byte ranges (PAdES baseline: no signing-time attribute, the claimed time is
     * the signature dictionary's /M; validation data goes in the PDF's DSS, not here).
     */
    Signed pades(byte[] content) {
        return sign(content, false, null, List.of());
    }

    /** The signature of the data file, content attached (CAdES baseline: signing-time; configured CRLs in crls). */
    Signed cades(byte[] content, Instant signingTime) {
        return sign(content, true, signingTime, trust.crls());
    }

    private Signed sign(byte[] content, boolean attached, Instant signingTime, List<X509CRL> crls) {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(signingCertificateV2());
            if (signingTime != null) {
                attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            }
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            CMSAttributeTableGenerator signedAttributes = signingTime != null ? standard
                : parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(signedAttributes)
                .build(new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.key()), key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            for (X509CRL crl : crls) {
                generator.addCRL(new JcaX509CRLHolder(crl));
            }
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), attached);
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            TimeStampToken token = timestamps.stamp(signer.getSignature());
            List<String> problems = new ArrayList<>();
            Timestamps.Stamp stamp = Timestamps.check(token, signer.getSignature(), trust, List.of(), problems);
            if (stamp == null) {
                throw timestamps.unavailable(String.join(" ", problems));
            }
            signer = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(
                new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(token.toCMSSignedData().toASN1Structure()))));
            signed = CMSSignedData.replaceSigners(signed, new SignerInformationStore(signer));
            return new Signed(signed.getEncoded(ASN1Encoding.DER), stamp.at());
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("Signature CMS impossible", e);
        }
    }

    /** ESS signing-certificate-v2 (RFC 5035): SHA-256 of the signing certificate with its issuer and serial. */
    private Attribute signingCertificateV2() throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
            X500Name.getInstance(key.certificate().getIssuerX500Principal().getEncoded()))), key.certificate().getSerialNumber());
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(
            new ESSCertIDv2[] {new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial)})));
    }
}
