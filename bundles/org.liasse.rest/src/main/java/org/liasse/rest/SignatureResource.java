package org.liasse.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.signature.SignatureReport;
import org.liasse.api.signature.SignatureService;
import org.liasse.api.signature.SigningCertificate;

/**
 * Verification of signed files, and the platform's signing certificate. A verification changes nothing: its audit
 * entry is written on its own, with no transaction to share.
 */
@Path("/signatures")
@Produces(MediaType.APPLICATION_JSON)
public class SignatureResource {

    /** Largest file accepted for verification. */
    private static final int MAX_BYTES = 50 * 1024 * 1024;

    private final Supplier<SignatureService> signatures;
    private final Supplier<AuditLog> audit;

    SignatureResource(Supplier<SignatureService> signatures, Supplier<AuditLog> audit) {
        this.signatures = signatures;
        this.audit = audit;
    }

    /** Verifies an uploaded signed PDF or data file (raw body): valid or not, why, who signed and when. */
    @POST
    @Path("verify")
    @Consumes(MediaType.WILDCARD)
    @Access(value = Access.Level.AUTHENTICATED, perimeter = Access.Scope.NONE)
    public SignatureReport verify(InputStream body) {
        byte[] file;
        try {
            file = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (file.length == 0) {
            throw LiasseException.invalid("fichier-vide", "Envoyez le fichier signé à vérifier.", java.util.List.of());
        }
        if (file.length > MAX_BYTES) {
            throw new LiasseException(413, "fichier-trop-volumineux", "Le fichier dépasse 50 Mo.");
        }
        SignatureReport report = signatures.get().verify(file);
        Call call = Call.current();
        audit.get().record(new AuditEvent("signature.verifiee", call.actor(), call.remoteAddress(), null,
            report.format() == null ? "fichier non signé" : report.format(),
            (report.valid() ? "valide" : "invalide : " + String.join(" ; ", report.problems()))));
        return report;
    }

    /** The signing certificate configured by the operator and its status. */
    @GET
    @Path("certificate")
    @Access(value = Access.Level.OPERATOR,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.NONE)
    public SigningCertificate certificate() {
        return signatures.get().certificate();
    }
}
