package org.liasse.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.liasse.api.transmission.DeliveryChannel;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;
import org.liasse.api.transmission.Parcel;
import org.liasse.api.transmission.ParcelFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pushes each parcel to a recipient's HTTPS endpoint in one {@code multipart/form-data} POST: a {@code manifest} part
 * (JSON, see {@link Manifest}) then one {@code file} part per file, with the parcel's key in the
 * {@code Idempotency-Key} header so that the recipient can ignore a repeated request. Settings: {@code url} (https;
 * http only for a loopback host where {@link Config#allowHttpLoopback}; never a link-local or metadata host, see
 * {@link Addresses}), {@code token} (sent as {@code Authorization: Bearer}) and {@code trustCertificate}
 * (path of a PEM certificate trusted in addition to the JDK's authorities). A 2xx response is the receipt; 408, 429,
 * 5xx and connection failures are retried; any other response is a permanent refusal.
 */
@Component(service = DeliveryChannel.class, configurationPid = "org.liasse.delivery.https",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HttpsChannel.Config.class)
public class HttpsChannel implements DeliveryChannel {

    /** Timeouts ({@code etc/org.liasse.delivery.https.cfg}). */
    @ObjectClassDefinition(name = "Liasse delivery: HTTPS")
    public @interface Config {

        /** Connection timeout, in seconds. */
        @AttributeDefinition(description = "Délai de connexion, en secondes")
        int connectTimeout() default 15;

        /** Timeout of the whole request, in seconds. */
        @AttributeDefinition(description = "Délai de réponse du destinataire, en secondes")
        int requestTimeout() default 120;

        /** Whether plain http may reach a loopback host: the demonstration's and tests' local receivers only. */
        @AttributeDefinition(description = "Autoriser http (sans TLS) vers la machine locale (démonstration, tests)")
        boolean allowHttpLoopback() default false;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Whatever the reason (no such file, not readable, not a certificate): the settings never tell which. */
    private static final String UNREADABLE_CERTIFICATE = "Le certificat à approuver (trustCertificate) n'a pas pu être "
        + "lu comme un certificat PEM par le serveur.";
    private static final int EXCERPT = 300;

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final boolean allowHttpLoopback;

    /** Reads the timeouts. */
    @Activate
    public HttpsChannel(Config config) {
        this.connectTimeout = Duration.ofSeconds(config.connectTimeout());
        this.requestTimeout = Duration.ofSeconds(config.requestTimeout());
        this.allowHttpLoopback = config.allowHttpLoopback();
    }

    @Override
    public String type() {
        return "https";
    }

    @Override
    public List<String> check(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String url = Settings.get(settings, "url");
        if (url.isEmpty()) {
            problems.add("L'adresse de dépôt (url) est obligatoire.");
        } else {
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null) {
                    problems.add("L'adresse de dépôt n'est pas une URL complète : « " + url + " ».");
                } else if (!"https".equals(uri.getScheme())
                    && !("http".equals(uri.getScheme()) && allowHttpLoopback && loopback(uri))) {
                    problems.add("L'adresse de dépôt doit être en https : « " + url + " ».");
                } else {
                    Addresses.refusedHost(uri.getHost()).ifPresent(problems::add);
                }
            } catch (URISyntaxException e) {
                problems.add("L'adresse de dépôt n'est pas une URL valide : « " + url + " ».");
            }
        }
        String certificate = Settings.get(settings, "trustCertificate");
        if (!certificate.isEmpty()) {
            if (!Path.of(certificate).isAbsolute()) {
                problems.add("Le certificat à approuver doit être désigné par un chemin absolu : « " + certificate
                    + " ».");
            } else {
                try {
                    certificates(Path.of(certificate));
                } catch (IOException | GeneralSecurityException e) {
                    problems.add(UNREADABLE_CERTIFICATE);
                }
            }
        }
        return problems;
    }

    @Override
    public DeliveryReceipt deliver(Parcel parcel, Map<String, String> settings) throws DeliveryException {
        Settings.require(check(settings));
        URI uri = URI.create(Settings.get(settings, "url"));
        HttpClient.Builder client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
        String certificate = Settings.get(settings, "trustCertificate");
        if (!certificate.isEmpty()) {
            try {
                client.sslContext(trusting(Path.of(certificate)));
            } catch (IOException | GeneralSecurityException e) {
                throw new DeliveryException(UNREADABLE_CERTIFICATE, false, e);
            }
        }
        try {
            Optional<String> refused = Addresses.refusedResolved(uri.getHost());
            if (refused.isPresent()) {
                throw new DeliveryException(refused.get(), true, null);
            }
        } catch (UnknownHostException e) {
            throw new DeliveryException("Le destinataire " + uri + " est injoignable : hôte inconnu.", false, e);
        }
        String boundary = "liasse-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Idempotency-Key", parcel.idempotencyKey())
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(parcel, boundary)));
        String token = Settings.get(settings, "token");
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("Le destinataire " + uri + " est injoignable : " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Envoi à " + uri + " interrompu.", false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new DeliveryReceipt(reference(response),
                "Remis à " + uri + " (" + Manifest.summary(parcel) + ") : réponse " + status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new DeliveryException("Le destinataire " + uri + " est indisponible (réponse " + status + ") : "
                + excerpt(response.body()), false, null);
        }
        throw new DeliveryException("Le destinataire " + uri + " a refusé le colis (réponse " + status + ") : "
            + excerpt(response.body()), true, null);
    }

    /** The manifest part, then one part per file. */
    private static byte[] multipart(Parcel parcel, String boundary) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "manifest", Manifest.FILE_NAME, "application/json", Manifest.of(parcel));
        for (ParcelFile file : parcel.files()) {
            String mediaType = file.mediaType().matches("[^\\r\\n]+") ? file.mediaType() : "application/octet-stream";
            part(body, boundary, "file", Manifest.safeName(file.name()), mediaType, file.content());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName,
                             String mediaType, byte[] content) {
        String head = "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
            + "Content-Type: " + mediaType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code receipt} or {@code reference} field of a JSON body, else the Location header, else the status. */
    private static String reference(HttpResponse<String> response) {
        String body = response.body().trim();
        if (body.startsWith("{")) {
            try {
                JsonNode json = JSON.readTree(body);
                for (String field : List.of("receipt", "reference")) {
                    JsonNode value = json.get(field);
                    if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                        return value.asText();
                    }
                }
            } catch (IOException e) {
                // Not JSON after all: the headers or the status say it.
            }
        }
        return response.headers().firstValue("Location").orElse("HTTP " + response.statusCode());
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "(réponse vide)" : text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    /** Loopback hosts may be reached over plain http (tests, a local relay). */
    private static boolean loopback(URI uri) {
        String host = uri.getHost();
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]");
    }

    /** The JDK's authorities plus the given certificates. */
    private static SSLContext trusting(Path certificate) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        int index = 0;
        for (TrustManager manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate authority : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("jdk-" + index++, authority);
                }
            }
        }
        for (Certificate added : certificates(certificate)) {
            store.setCertificateEntry("liasse-" + index++, added);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Collection<? extends Certificate> certificates(Path file)
        throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CertificateException("aucun certificat PEM dans le fichier");
            }
            return certificates;
        }
    }
}
