package org.liasse.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.liasse.api.format.FrenchFormat;
import org.liasse.api.signature.Statement;
import org.liasse.api.signature.StatementLine;
import org.liasse.api.signature.StatementSection;

/** Configurations over a PKI in a folder, a real timestamp authority over HTTP on loopback, a sample statement. */
final class Fixtures {

    private Fixtures() {
    }

    /** A configuration with the given settings (method names, e.g. {@code keystore_alias}), defaults otherwise. */
    static SignatureConfig config(Map<String, Object> settings) {
        return (SignatureConfig) Proxy.newProxyInstance(SignatureConfig.class.getClassLoader(), new Class<?>[] {SignatureConfig.class},
            (proxy, method, args) -> {
                if (method.getName().equals("annotationType")) {
                    return SignatureConfig.class;
                }
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("toString") ? "SignatureConfig" + settings : method.invoke(settings, args);
                }
                return settings.getOrDefault(method.getName(), method.getDefaultValue());
            });
    }

    /** Settings pointing at a demo PKI in {@code folder}, timestamped by {@code tsaUrl}, no local servlet. */
    static Map<String, Object> settings(Path folder, String tsaUrl) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("keystore_path", folder.resolve(DemoPki.SEAL_FILE).toString());
        settings.put("trust_anchors", folder.resolve(DemoPki.CA_FILE).toString());
        settings.put("crl_files", folder.resolve(DemoPki.CRL_FILE).toString());
        settings.put("tsa_keystore_path", folder.resolve(DemoPki.TSA_FILE).toString());
        settings.put("tsa_url", tsaUrl);
        settings.put("tsa_local", false);
        settings.put("tsa_timeout_seconds", 5);
        return settings;
    }

    /** The service for these settings (the demo PKI is created when missing). */
    static PlatformSignatureService service(Map<String, Object> settings) {
        return new PlatformSignatureService(null, config(settings));
    }

    /** Serves the timestamp authority of the PKI in {@code folder} at {@code /tsa} on a free loopback port. */
    static HttpServer timestampServer(Path folder) throws IOException {
        TimestampAuthority authority = new TimestampAuthority(new PkiFiles(config(settings(folder, ""))).tsa().orElseThrow());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] reply;
            try (InputStream in = exchange.getRequestBody()) {
                reply = authority.respond(in.readAllBytes());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        return server;
    }

    /** The address of a server's {@code /tsa}. */
    static String url(HttpServer server) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/tsa";
    }

    /** A statement with accents, a long fiche (several pages), a wrapped label, an empty fiche and help texts. */
    static Statement statement() {
        List<StatementLine> bilan = new ArrayList<>();
        for (int i = 1; i <= 140; i++) {
            String value = i * 1000 + ".25";
            bilan.add(new StatementLine("B" + i, "Capitaux propres — élément n° " + i + " « réévalué »", value,
                FrenchFormat.withUnit(FrenchFormat.number(new BigDecimal(value), 2), "€")));
        }
        List<StatementSection> sections = List.of(
            new StatementSection("PAT", "Patrimoine et logements", List.of(
                new StatementLine("P1", "Nombre de logements familiaux conventionnés à l'APL au 31 décembre de l'exercice, "
                    + "hors foyers et résidences sociales (déclaration annuelle à l'État)", "1250"),
                new StatementLine("P2", "Logements vacants depuis plus de trois mois", "17"))),
            new StatementSection("BIL", "Bilan — exercice N", bilan),
            new StatementSection("CR", "Compte de résultat", List.of(
                new StatementLine("CR.LOYERS.N", "Loyers — Exercice N", "1250000", "1\u202f250\u202f000,00\u00a0€",
                    "Produits", "Loyers", "Exercice N", "Loyers quittancés, hors charges récupérables."),
                new StatementLine("CR.LOYERS.N1", "Loyers — Exercice N-1", "1100000", "1\u202f100\u202f000,00\u00a0€",
                    "Produits", "Loyers", "Exercice N-1")),
                "Reprenez le compte de résultat approuvé par l’organe délibérant."),
            new StatementSection("OBS", "Observations", List.of()));
        return new Statement(4242, 7, "000000018", "Office public de l'habitat du Val Fictif", 2025, "ER",
            "États réglementaires", "2025.1", "saisie.demo", "Élise Dupré-Çaërel", Instant.parse("2025-05-12T09:30:00Z"), sections);
    }
}
