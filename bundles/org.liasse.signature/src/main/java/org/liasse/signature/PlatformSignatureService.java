package org.liasse.signature;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.servlet.Servlet;

import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.error.LiasseException;
import org.liasse.api.signature.SignatureReport;
import org.liasse.api.signature.SignatureService;
import org.liasse.api.signature.SignedStatement;
import org.liasse.api.signature.SigningCertificate;
import org.liasse.api.signature.Statement;
import org.liasse.api.signature.StatementSection;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs statements with the platform's seal — a PAdES PDF and a CAdES data file, both timestamped by the
 * configured RFC 3161 authority and carrying their validation data (B-LT) — and verifies signed files. With
 * {@code pki.demo}, a fictional PKI is generated at activation when its files are missing ({@link DemoPki}); with
 * {@code tsa.local}, a timestamp authority is served at {@code /tsa} through the HTTP whiteboard.
 */
@Component(service = SignatureService.class, configurationPid = SignatureConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SignatureConfig.class)
public class PlatformSignatureService implements SignatureService {

    /** The levels {@link #sign} produces. */
    static final String LEVEL = "PAdES-B-LT / CAdES-B-LT";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSignatureService.class);

    private final PkiFiles files;
    private final TimestampClient timestamps;
    private final ServiceRegistration<Servlet> localAuthority;

    /** Prepares the PKI and, when configured, publishes the local timestamp authority. */
    @Activate
    public PlatformSignatureService(BundleContext context, SignatureConfig config) {
        files = new PkiFiles(config);
        if (config.pki_demo() && DemoPki.missing(files)) {
            DemoPki.create(files);
            LOG.info("PKI de démonstration créée (fictive) : cachet {}, autorité {}", files.keystore, files.anchors.get(0));
        }
        timestamps = new TimestampClient(URI.create(config.tsa_url()), Duration.ofSeconds(config.tsa_timeout_seconds()));
        localAuthority = config.tsa_local() ? publishAuthority(context) : null;
    }

    /** Withdraws the local timestamp authority. */
    @Deactivate
    void deactivate() {
        if (localAuthority != null) {
            localAuthority.unregister();
        }
    }

    @Override
    public byte[] preview(Statement statement) {
        return StatementPdf.render(statement, List.of(), List.of());
    }

    @Override
    public byte[] form(QuestionnaireDefinition questionnaire, int year) {
        return StatementPdf.form(new Statement(0, 0, "", "", year, questionnaire.code(), questionnaire.title(),
            questionnaire.version(), "", "", Instant.now(), StatementSection.form(questionnaire)));
    }

    @Override
    public SignedStatement sign(Statement statement) {
        KeyMaterial key = seal().orElseThrow(() -> LiasseException.conflict("certificat-absent",
            "Aucun certificat de signature n'est installé sur la plateforme : rien n'a été signé. Un administrateur doit le configurer."));
        Trust trust = trust();
        X509Certificate certificate = key.certificate();
        switch (status(certificate, trust)) {
            case "expire" -> throw LiasseException.conflict("certificat-expire",
                "Le certificat de signature de la plateforme a expiré le " + certificate.getNotAfter().toInstant()
                    + " : rien n'a été signé. Un administrateur doit installer un certificat valide.");
            case "pas-encore-valide" -> throw LiasseException.conflict("certificat-expire",
                "Le certificat de signature de la plateforme n'est valide qu'à partir du " + certificate.getNotBefore().toInstant()
                    + " : rien n'a été signé.");
            case "revoque" -> throw LiasseException.conflict("certificat-revoque",
                "Le certificat de signature de la plateforme a été révoqué : rien n'a été signé. Un administrateur doit installer un certificat valide.");
            default -> {
            }
        }
        CmsSigner signer = new CmsSigner(key, trust, timestamps);
        List<X509Certificate> validation = new ArrayList<>(key.chain());
        trust.anchors().stream().filter(anchor -> !validation.contains(anchor)).forEach(validation::add);
        Instant now = Instant.now();
        byte[] pdf = PdfSigner.sign(StatementPdf.render(statement, validation, trust.crls()), statement, now,
            content -> signer.pades(content).cms());
        byte[] json = StatementJson.write(statement);
        CmsSigner.Signed data = signer.cades(json, now);
        return new SignedStatement(pdf, data.cms(), sha256(json), certificate.getSubjectX500Principal().getName(),
            data.timestampAt(), LEVEL);
    }

    @Override
    public SignatureReport verify(byte[] file) {
        Trust trust;
        try {
            trust = trust();
        } catch (IllegalStateException e) {
            LOG.error("Vérification impossible : {}", e.getMessage());
            return new SignatureReport(false, null, null, null, null, null, null, null,
                List.of("La configuration de confiance de la plateforme est illisible : vérification impossible."));
        }
        return new SignatureVerifier(trust).verify(file);
    }

    @Override
    public SigningCertificate certificate() {
        Optional<KeyMaterial> key = seal();
        if (key.isEmpty()) {
            return new SigningCertificate(null, null, null, null, "absent");
        }
        X509Certificate certificate = key.get().certificate();
        return new SigningCertificate(certificate.getSubjectX500Principal().getName(),
            certificate.getIssuerX500Principal().getName(), certificate.getNotBefore().toInstant(),
            certificate.getNotAfter().toInstant(), status(certificate, trust()));
    }

    /** {@code revoque}, {@code expire}, {@code pas-encore-valide} or {@code valide}, now. */
    private static String status(X509Certificate certificate, Trust trust) {
        Instant now = Instant.now();
        if (trust.revoked(certificate)) {
            return "revoque";
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return "expire";
        }
        return now.isBefore(certificate.getNotBefore().toInstant()) ? "pas-encore-valide" : "valide";
    }

    /** The seal key; an unreadable keystore counts as none (and is logged). */
    private Optional<KeyMaterial> seal() {
        try {
            return files.seal();
        } catch (IllegalStateException e) {
            LOG.error("Certificat de signature inutilisable : {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Trust trust() {
        return new Trust(files.trustAnchors(), files.revocationLists());
    }

    private ServiceRegistration<Servlet> publishAuthority(BundleContext context) {
        Optional<KeyMaterial> key;
        try {
            key = files.tsa();
        } catch (IllegalStateException e) {
            LOG.error("Autorité d'horodatage locale non publiée : {}", e.getMessage());
            return null;
        }
        if (key.isEmpty()) {
            LOG.error("Autorité d'horodatage locale non publiée : pas de clé « {} » dans {}", files.tsaAlias, files.tsaKeystore);
            return null;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "liasse-tsa");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/tsa");
        return context.registerService(Servlet.class, new TimestampServlet(new TimestampAuthority(key.get())), properties);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
