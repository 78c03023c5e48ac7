package org.liasse.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * HTTPS pushes against the JDK's HTTPS server, whose certificate is generated for the test and trusted through the
 * {@code trustCertificate} setting: the multipart body, the headers, the receipt, and which answers are retried.
 */
class HttpsChannelTest {

    private static final String KEY = "DHUP-2025-ER-000000018-1";

    @TempDir
    Path folder;

    private HttpsServer server;
    private Path certificate;
    private final HttpsChannel channel = new HttpsChannel(Fixtures.config(HttpsChannel.Config.class,
        Map.of("connectTimeout", 5, "requestTimeout", 10)));
    private final List<Map<String, String>> requests = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private volatile int status = 201;
    private volatile String answer = "{\"receipt\": \"AR-2025-000042\"}";
    private volatile String location;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        X500Name name = new X500Name("CN=localhost, O=Destinataire fictif");
        Instant now = Instant.now();
        X509Certificate x509 = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
            BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
            key.getPublic())
            .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}))
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        certificate = folder.resolve("destinataire.pem");
        try (JcaPEMWriter out = new JcaPEMWriter(Files.newBufferedWriter(certificate))) {
            out.writeObject(x509);
        }

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key.getPrivate(), new char[0], new X509Certificate[] {x509});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/depots", exchange -> {
            Map<String, String> request = new HashMap<>();
            request.put("method", exchange.getRequestMethod());
            exchange.getRequestHeaders().forEach((header, values) -> request.put(header, values.get(0)));
            synchronized (requests) {
                requests.add(request);
                bodies.add(exchange.getRequestBody().readAllBytes());
            }
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void oneMultipartPostWithTheManifestAndTheFilesGivesTheReceipt() throws Exception {
        DeliveryReceipt receipt = channel.deliver(Fixtures.parcel(KEY), settings());

        assertEquals("AR-2025-000042", receipt.reference());
        assertTrue(receipt.detail().startsWith("Remis à " + url() + " (2 fichiers, "), receipt.detail());
        assertTrue(receipt.detail().endsWith(") : réponse 201"), receipt.detail());
        assertEquals(1, requests.size());
        Map<String, String> request = requests.get(0);
        assertEquals("POST", request.get("method"));
        assertEquals(KEY, request.get("Idempotency-key"));
        assertEquals("Bearer jeton-de-test", request.get("Authorization"));
        String contentType = request.get("Content-type");
        assertTrue(contentType.startsWith("multipart/form-data; boundary="), contentType);

        List<Part> parts = parts(bodies.get(0), contentType.substring(contentType.indexOf('=') + 1));
        assertEquals(3, parts.size());
        assertEquals("form-data; name=\"manifest\"; filename=\"manifest.json\"", parts.get(0).disposition());
        assertEquals("application/json", parts.get(0).type());
        JsonNode manifest = new ObjectMapper().readTree(parts.get(0).content());
        assertEquals(KEY, manifest.get("key").asText());
        assertEquals("DHUP", manifest.get("recipient").asText());
        assertEquals("000000018", manifest.get("siren").asText());
        assertEquals("Office public de l'habitat du Val Fictif", manifest.get("organisation").asText());
        assertEquals(2025, manifest.get("year").asInt());
        assertEquals("ER", manifest.get("questionnaire").asText());
        assertEquals("ER-2025-000000018.xml", manifest.get("files").get(1).get("name").asText());
        assertEquals(Manifest.sha256(Fixtures.XML), manifest.get("files").get(1).get("sha256").asText());
        assertEquals("form-data; name=\"file\"; filename=\"ER-2025-000000018.pdf\"", parts.get(1).disposition());
        assertEquals("application/pdf", parts.get(1).type());
        assertArrayEquals(Fixtures.PDF, parts.get(1).content());
        assertEquals("form-data; name=\"file\"; filename=\"ER-2025-000000018.xml\"", parts.get(2).disposition());
        assertEquals("application/xml", parts.get(2).type());
        assertArrayEquals(Fixtures.XML, parts.get(2).content());
    }

    @Test
    void withoutAReceiptFieldTheLocationOrTheStatusIsTheReference() throws Exception {
        answer = "";
        status = 202;
        location = "https://destinataire.example/accuses/42";
        assertEquals(location, channel.deliver(Fixtures.parcel(KEY), settings()).reference());

        location = null;
        answer = "{\"reference\": 42}";
        assertEquals("42", channel.deliver(Fixtures.parcel(KEY), settings()).reference());

        answer = "Reçu, merci.";
        assertEquals("HTTP 202", channel.deliver(Fixtures.parcel(KEY), settings()).reference());
    }

    @Test
    void anUnavailableRecipientIsRetried() {
        status = 503;
        answer = "Maintenance en cours";

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings()));

        assertFalse(failure.permanent());
        assertEquals("Le destinataire " + url() + " est indisponible (réponse 503) : Maintenance en cours",
            failure.getMessage());
    }

    @Test
    void aRefusedParcelIsNotRetried() {
        status = 400;
        answer = "{\"error\": \"SIREN inconnu\"}";

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings()));

        assertTrue(failure.permanent());
        assertEquals("Le destinataire " + url() + " a refusé le colis (réponse 400) : {\"error\": \"SIREN inconnu\"}",
            failure.getMessage());
    }

    @Test
    void aServerCertificateNotTrustedIsARetryableFailure() {
        Map<String, String> settings = new HashMap<>(settings());
        settings.remove("trustCertificate");

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().startsWith("Le destinataire " + url() + " est injoignable : "),
            failure.getMessage());
        assertTrue(requests.isEmpty());
    }

    @Test
    void aServerDownIsARetryableFailure() {
        Map<String, String> settings = settings();
        server.stop(0);

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().contains("injoignable"), failure.getMessage());
    }

    @Test
    void settingsAreChecked() throws IOException {
        assertEquals(List.of(), channel.check(settings()));
        assertEquals(List.of("L'adresse de dépôt doit être en https : « http://127.0.0.1:8080/depots »."),
            channel.check(Map.of("url", "http://127.0.0.1:8080/depots")), "plain http only where allowed");
        HttpsChannel demo = new HttpsChannel(Fixtures.config(HttpsChannel.Config.class, Map.of("connectTimeout", 5,
            "requestTimeout", 10, "allowHttpLoopback", true)));
        assertEquals(List.of(), demo.check(Map.of("url", "http://127.0.0.1:8080/depots")));
        assertEquals(List.of(), demo.check(Map.of("url", "http://localhost/depots")));
        assertEquals(List.of("L'adresse de dépôt doit être en https : « http://destinataire.example/depots »."),
            demo.check(Map.of("url", "http://destinataire.example/depots")));
        for (String forbidden : List.of("https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/x",
            "https://metadata.google.internal/computeMetadata/v1/", "https://0.0.0.0/x", "https://224.0.0.1/x",
            "https://100.100.100.200/x", "https://[fd00:ec2::254]/x")) {
            List<String> problems = channel.check(Map.of("url", forbidden));
            assertEquals(1, problems.size(), forbidden);
            assertTrue(problems.get(0).endsWith("est interdit : adresse de lien local, de métadonnées d'hébergeur, de "
                + "multidiffusion ou non spécifiée."), problems.get(0));
        }
        assertEquals(List.of("L'adresse de dépôt (url) est obligatoire."), channel.check(Map.of()));
        assertEquals(List.of("L'adresse de dépôt doit être en https : « http://destinataire.example/depots »."),
            channel.check(Map.of("url", "http://destinataire.example/depots")));
        assertEquals(List.of("L'adresse de dépôt n'est pas une URL complète : « depots »."),
            channel.check(Map.of("url", "depots")));
        assertEquals(List.of("Le certificat à approuver doit être désigné par un chemin absolu : « ca.pem »."),
            channel.check(Map.of("url", url(), "trustCertificate", "ca.pem")));
        Path notACertificate = Files.writeString(folder.resolve("vide.pem"), "rien");
        List<String> unreadable = List.of("Le certificat à approuver (trustCertificate) n'a pas pu être lu comme un "
            + "certificat PEM par le serveur.");
        assertEquals(unreadable, channel.check(Map.of("url", url(), "trustCertificate", notACertificate.toString())));
        assertEquals(unreadable, channel.check(Map.of("url", url(), "trustCertificate", folder.resolve("absent.pem")
            .toString())), "the same answer whether the file exists or not");
        assertEquals(unreadable, channel.check(Map.of("url", url(), "trustCertificate", "/etc/shadow")));
    }

    private String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/depots";
    }

    private Map<String, String> settings() {
        return Map.of("url", url(), "token", "jeton-de-test", "trustCertificate", certificate.toString());
    }

    /** A part of a multipart body: its Content-Disposition, Content-Type and bytes. */
    private record Part(String disposition, String type, byte[] content) {
    }

    private static List<Part> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertTrue(text.endsWith("--" + boundary + "--\r\n"), "closing delimiter");
        List<Part> parts = new ArrayList<>();
        String[] chunks = text.substring(0, text.length() - ("--" + boundary + "--\r\n").length())
            .split("--" + boundary + "\r\n", -1);
        assertEquals("", chunks[0]);
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            int end = chunk.indexOf("\r\n\r\n");
            Map<String, String> headers = new HashMap<>();
            for (String line : chunk.substring(0, end).split("\r\n")) {
                headers.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 2));
            }
            assertTrue(chunk.endsWith("\r\n"));
            parts.add(new Part(headers.get("Content-Disposition"), headers.get("Content-Type"),
                chunk.substring(end + 4, chunk.length() - 2).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
