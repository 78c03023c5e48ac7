package org.liasse.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.liasse.api.signature.Statement;

/**
 * Adds a PAdES signature to a rendered statement in an incremental update: an invisible signature field whose
 * dictionary has SubFilter ETSI.CAdES.detached, /Name the signing user, /Location the organisation, /Reason what
 * is signed, /M the signing time, and /Contents the CMS computed over the byte ranges.
 */
final class PdfSigner {

    /** Room reserved for the CMS (bytes): chain, timestamp token with its certificate, RSA 4096 keys. */
    static final int SIGNATURE_SIZE = 24 * 1024;

    private PdfSigner() {
    }

    /** The signed PDF, claiming {@code signingTime}; {@code cms} turns the signed byte ranges into the DER CMS. */
    static byte[] sign(byte[] pdf, Statement statement, Instant signingTime, UnaryOperator<byte[]> cms) {
        Claims claims = Claims.of(statement);
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(claims.signedBy());
            signature.setLocation(claims.organisation());
            signature.setReason(statement.questionnaireLabel() + " " + statement.year() + ", dossier n° " + statement.dossierId()
                + " (révision " + statement.revision() + "), signé par " + claims.signedBy() + " pour " + claims.organisation());
            signature.setSignDate(GregorianCalendar.from(signingTime.atZone(StatementPdf.PARIS)));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms.apply(external.getContent().readAllBytes()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
