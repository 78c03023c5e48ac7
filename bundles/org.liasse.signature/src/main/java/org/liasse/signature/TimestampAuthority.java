package org.liasse.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 timestamp authority: answers a DER {@code TimeStampReq} with a DER {@code TimeStampResp} signed
 * with the given key (SHA-256, signing-certificate-v2, the TSA certificate included, accuracy one second).
 */
final class TimestampAuthority {

    /** Policy of the local timestamp authority, under the OID arc reserved for examples (2.999). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.1.1");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeStampResponseGenerator responses;

    TimestampAuthority(KeyMaterial key) {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build(key.signatureAlgorithm(), key.key(), key.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(key.certificate())));
            tokens.setAccuracySeconds(1);
            responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (OperatorCreationException | GeneralSecurityException | TSPException e) {
            throw new IllegalStateException("Autorité d'horodatage locale impossible à préparer", e);
        }
    }

    /** Answers a request; an unreadable or unacceptable request gets a rejection, never an exception. */
    synchronized byte[] respond(byte[] request) {
        try {
            return responses.generate(new TimeStampRequest(request), new BigInteger(127, RANDOM), new Date()).getEncoded();
        } catch (IOException | TSPException | RuntimeException e) {
            try {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                    "Requête d'horodatage illisible").getEncoded();
            } catch (IOException | TSPException failure) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
