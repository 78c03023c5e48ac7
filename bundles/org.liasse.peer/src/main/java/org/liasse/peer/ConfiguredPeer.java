package org.liasse.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.liasse.api.peer.Peer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One peer server registered by an operator in {@code etc/org.liasse.peer-<name>.cfg}. */
@Component(service = ConfiguredPeer.class, configurationPid = "org.liasse.peer",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredPeer.Config.class, factory = true)
public class ConfiguredPeer {

    /** Settings of one peer. */
    @ObjectClassDefinition(name = "Liasse peer server")
    public @interface Config {

        /** The peer's server name, as it signs its messages. */
        @AttributeDefinition(description = "Nom du serveur pair")
        String name();

        /** The peer's partner code. */
        @AttributeDefinition(description = "Partenaire du serveur pair (ministry, oph, esh, coop, epl)")
        String partner();

        /** Base address of the peer's platform. */
        @AttributeDefinition(description = "Adresse du serveur pair, par exemple https://liasse.oph.example")
        String url();

        /** Federation whose organisations the peer may be answered for; empty for every organisation. */
        @AttributeDefinition(description = "Fédération des organisations pour lesquelles le pair est servi")
        String federation() default "";

        /** The peer's certificate: a PEM file path, or the PEM text itself. */
        @AttributeDefinition(description = "Certificat du pair (chemin d'un fichier PEM ou texte PEM)")
        String certificate();
    }

    private final Peer peer;
    private final X509Certificate certificate;

    /** Reads the peer's certificate. */
    @Activate
    public ConfiguredPeer(Config config) {
        String source = config.certificate().strip();
        try {
            certificate = Certificates.certificate(source.startsWith("-----BEGIN") ? source
                : Files.readString(Path.of(source)));
        } catch (IOException e) {
            throw new UncheckedIOException("certificat du pair " + config.name() + " illisible : " + source, e);
        }
        String url = config.url().strip();
        peer = new Peer(config.name().strip(), config.partner().strip(), url.endsWith("/") ? url.substring(0,
            url.length() - 1) : url, config.federation().isBlank() ? null : config.federation().strip(),
            Certificates.fingerprint(certificate), certificate.getNotAfter().toInstant());
    }

    Peer peer() {
        return peer;
    }

    X509Certificate certificate() {
        return certificate;
    }
}
