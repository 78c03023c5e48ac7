package org.liasse.api.signature;

import org.liasse.api.definition.QuestionnaireDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs statements with the operator's key and a trusted timestamp, and verifies signed files.
 */
@ProviderType
public interface SignatureService {

    /**
     * Renders and signs a statement. Refused with 409 {@code certificat-expire}, {@code certificat-revoque} or
     * {@code certificat-absent} when the signing certificate cannot sign, 503 {@code horodatage-indisponible} when
     * the timestamp authority does not answer; nothing is signed then.
     */
    SignedStatement sign(Statement statement);

    /** Renders a statement as the PDF signing it would produce, unsigned: what the signer reads before signing. */
    byte[] preview(Statement statement);

    /**
     * Renders the blank form (« trame ») of a questionnaire for a campaign as a PDF/A: its fiches as the tables to
     * fill, every cell empty, with the guide de saisie; nothing is signed.
     */
    byte[] form(QuestionnaireDefinition questionnaire, int year);

    /** Verifies a signed PDF or data file: signature, integrity of every byte, timestamp, chain of trust. */
    SignatureReport verify(byte[] file);

    /** The configured signing certificate and its status. */
    SigningCertificate certificate();
}
