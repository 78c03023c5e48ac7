package org.liasse.signature;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Signing key, trust and timestamping settings ({@code etc/org.liasse.signature.cfg}). Empty paths stand for the
 * files of the demo PKI under {@code ${karaf.data}/pki} ({@link DemoPki}). The passwords are private component
 * properties ({@code .keystore.password}, {@code .tsa.keystore.password}): not published with the service.
 */
@ObjectClassDefinition(name = "Liasse signature")
public @interface SignatureConfig {

    /** Configuration PID. */
    String PID = "org.liasse.signature";

    /** Generate the fictional demo PKI at the configured paths when one of its files is missing. */
    @AttributeDefinition(description = "PKI de démonstration : la créer si un de ses fichiers manque")
    boolean pki_demo() default true;

    /** PKCS#12 keystore holding the seal key and its certificate chain. */
    @AttributeDefinition(description = "Magasin PKCS#12 du cachet (vide : ${karaf.data}/pki/cachet.p12)")
    String keystore_path() default "";

    /** Password of the keystore and of its key ({@code .keystore.password}). */
    @AttributeDefinition(description = "Mot de passe du magasin", type = AttributeType.PASSWORD)
    String _keystore_password() default DemoPki.PASSWORD;

    /** Alias of the seal key in the keystore. */
    @AttributeDefinition(description = "Alias de la clé de cachet")
    String keystore_alias() default DemoPki.SEAL;

    /** PEM files of the trusted certification authorities, comma-separated. */
    @AttributeDefinition(description = "Autorités de confiance, fichiers PEM séparés par des virgules (vide : ${karaf.data}/pki/ac-demo.pem)")
    String trust_anchors() default "";

    /** CRL files (PEM or DER), comma-separated. */
    @AttributeDefinition(description = "Listes de révocation, fichiers PEM ou DER séparés par des virgules (vide : ${karaf.data}/pki/ac-demo.crl)")
    String crl_files() default "";

    /** Address of the RFC 3161 timestamp authority the signer calls. */
    @AttributeDefinition(description = "Adresse de l'autorité d'horodatage (RFC 3161)")
    String tsa_url() default "http://localhost:8181/tsa";

    /** How long to wait for the timestamp authority, in seconds. */
    @AttributeDefinition(description = "Délai d'attente de l'autorité d'horodatage (secondes)")
    int tsa_timeout_seconds() default 10;

    /** Serve a local timestamp authority at {@code /tsa}. */
    @AttributeDefinition(description = "Servir une autorité d'horodatage locale à /tsa")
    boolean tsa_local() default true;

    /** PKCS#12 keystore of the local timestamp authority. */
    @AttributeDefinition(description = "Magasin PKCS#12 de l'horodatage local (vide : ${karaf.data}/pki/horodatage.p12)")
    String tsa_keystore_path() default "";

    /** Password of the local timestamp authority's keystore ({@code .tsa.keystore.password}). */
    @AttributeDefinition(description = "Mot de passe du magasin d'horodatage", type = AttributeType.PASSWORD)
    String _tsa_keystore_password() default DemoPki.PASSWORD;

    /** Alias of the local timestamp authority's key. */
    @AttributeDefinition(description = "Alias de la clé d'horodatage")
    String tsa_keystore_alias() default DemoPki.TSA;
}
